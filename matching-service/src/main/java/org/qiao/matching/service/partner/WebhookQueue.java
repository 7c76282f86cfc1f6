package org.qiao.matching.service.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.qiao.kit.ids.Ids;
import org.qiao.matching.domain.partner.RetrySchedule;
import org.qiao.matching.domain.partner.SubscriptionStatus;
import org.qiao.matching.domain.partner.WebhookSubscription;

/**
 * The delivery side of the subscriptions' queues (ADR 0018): which are due, the head of one, and
 * what an attempt changed. Each step is its own short transaction; the HTTP call happens between
 * them, outside any.
 */
@ApplicationScoped
public class WebhookQueue {

  /** The message at the head of a subscription's queue and what signing and sending need. */
  public record Head(
      long messageId,
      UUID subscriptionId,
      String url,
      List<String> secrets,
      UUID eventId,
      String eventType,
      byte[] body,
      int attempt) {}

  /** What one attempt gave. */
  public record Outcome(
      boolean succeeded, Integer status, int latencyMs, String excerpt, String error) {}

  private final EntityManager em;
  private final Clock clock;
  private final RandomGenerator random = RandomGenerator.getDefault();

  WebhookQueue(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Active subscriptions with a queued event whose next attempt is due and no worker holds. */
  @Transactional
  public List<UUID> due(int max) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "select s.id from webhook_subscription s where s.status = 'ACTIVE'"
                    + " and (s.next_attempt_at is null or s.next_attempt_at <= ?1)"
                    + " and (s.leased_until is null or s.leased_until <= ?1)"
                    + " and exists (select 1 from webhook_message m where m.subscription_id = s.id)"
                    + " order by s.next_attempt_at nulls first limit ?2")
            .setParameter(1, now)
            .setParameter(2, max)
            .getResultList();
    return ids;
  }

  /**
   * Takes a subscription for a worker until {@code now + lease}; the deadline it set is the
   * worker's token (to renew and release only its own lease), empty when another holds it.
   */
  @Transactional
  public Optional<Instant> lease(UUID subscription, Duration lease) {
    Instant now = clock.instant();
    Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
    int taken =
        em.createNativeQuery(
                "update webhook_subscription set leased_until = ?2 where id = ?1"
                    + " and (leased_until is null or leased_until <= ?3)")
            .setParameter(1, subscription)
            .setParameter(2, until)
            .setParameter(3, now)
            .executeUpdate();
    return taken == 1 ? Optional.of(until) : Optional.empty();
  }

  /** Gives the subscription up, unless its lease ran out and another worker holds it now. */
  @Transactional
  public void release(UUID subscription, Instant token) {
    em.createNativeQuery(
            "update webhook_subscription set leased_until = null where id = ?1"
                + " and leased_until = ?2")
        .setParameter(1, subscription)
        .setParameter(2, token)
        .executeUpdate();
  }

  /**
   * The next messages of an active subscription's queue, in order, when its next attempt is due:
   * one worker sends them one after another and records them together.
   */
  @Transactional
  public List<Head> heads(UUID subscriptionId, int max) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.id, e.event_id, e.type, e.body, s.failed_attempts from webhook_message m"
                    + " join webhook_event e on e.event_id = m.event_id"
                    + " join webhook_subscription s on s.id = m.subscription_id"
                    + " where m.subscription_id = ?1 and s.status = 'ACTIVE'"
                    + " and (s.next_attempt_at is null or s.next_attempt_at <= ?2)"
                    + " order by m.id limit ?3")
            .setParameter(1, subscriptionId)
            .setParameter(2, now)
            .setParameter(3, max)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    WebhookSubscription s = WebhookSubscription.findById(subscriptionId);
    List<String> secrets = s.signingSecrets(now);
    List<Head> heads = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      heads.add(
          new Head(
              ((Number) r[0]).longValue(),
              subscriptionId,
              s.url,
              secrets,
              (UUID) r[1],
              (String) r[2],
              (byte[]) r[3],
              // Only the first can have failed before: the others were never tried.
              heads.isEmpty() ? ((Number) r[4]).intValue() + 1 : 1));
    }
    return heads;
  }

  /** One attempt to record: the message, what the endpoint did, and when. */
  public record Attempt(Head head, Outcome outcome, Instant attemptedAt) {}

  /**
   * Records a worker's attempts in one transaction (one commit for a run of deliveries) and keeps
   * the subscription leased to it for {@code lease} more, if its lease ({@code token}) still holds:
   * the new token, or empty when another worker took the queue over. Delivered messages leave the
   * queue; a failed one, the last, waits for its retry or disables the subscription.
   */
  @Transactional
  public Optional<Instant> recordAll(List<Attempt> attempts, Instant token, Duration lease) {
    boolean delivered = false;
    for (Attempt a : attempts) {
      if (!a.outcome().succeeded() && delivered) {
        // Successes before a failure: its count of failures starts from nothing.
        resetFailures(a.head().subscriptionId());
        delivered = false;
      }
      record(a.head(), a.outcome(), a.attemptedAt());
      delivered |= a.outcome().succeeded();
    }
    if (delivered) {
      // Once per run, not once per delivery.
      resetFailures(attempts.get(0).head().subscriptionId());
    }
    if (attempts.isEmpty()) {
      return Optional.of(token);
    }
    Instant until = clock.instant().plus(lease).truncatedTo(ChronoUnit.MICROS);
    int renewed =
        em.createNativeQuery(
                "update webhook_subscription set leased_until = ?2 where id = ?1"
                    + " and leased_until = ?3")
            .setParameter(1, attempts.get(0).head().subscriptionId())
            .setParameter(2, until)
            .setParameter(3, token)
            .executeUpdate();
    return renewed == 1 ? Optional.of(until) : Optional.empty();
  }

  /**
   * Records an attempt. Delivered: the message leaves the queue. Failed: the head waits for its
   * next attempt, or, after the last, the subscription is disabled with the reason.
   */
  private void resetFailures(UUID subscription) {
    em.createNativeQuery(
            "update webhook_subscription set failed_attempts = 0, next_attempt_at = null"
                + " where id = ?1")
        .setParameter(1, subscription)
        .executeUpdate();
  }

  private void record(Head head, Outcome outcome, Instant attemptedAt) {
    em.createNativeQuery(
            "insert into webhook_delivery (id, subscription_id, event_id, event_type, attempt,"
                + " attempted_at, succeeded, response_status, latency_ms, response_excerpt, error)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .setParameter(1, Ids.newId(clock))
        .setParameter(2, head.subscriptionId())
        .setParameter(3, head.eventId())
        .setParameter(4, head.eventType())
        .setParameter(5, head.attempt())
        .setParameter(6, attemptedAt)
        .setParameter(7, outcome.succeeded())
        .setParameter(8, outcome.status())
        .setParameter(9, outcome.latencyMs())
        .setParameter(10, outcome.excerpt())
        .setParameter(11, outcome.error())
        .executeUpdate();
    if (outcome.succeeded()) {
      em.createNativeQuery("delete from webhook_message where id = ?1")
          .setParameter(1, head.messageId())
          .executeUpdate();
      return;
    }
    Instant now = clock.instant();
    Optional<Duration> wait = RetrySchedule.delayAfter(head.attempt(), random);
    if (wait.isPresent()) {
      em.createNativeQuery(
              "update webhook_subscription set failed_attempts = ?2, next_attempt_at = ?3"
                  + " where id = ?1")
          .setParameter(1, head.subscriptionId())
          .setParameter(2, head.attempt())
          .setParameter(3, now.plus(wait.get()))
          .executeUpdate();
      return;
    }
    WebhookSubscription s =
        WebhookSubscription.findById(head.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      return;
    }
    String why = outcome.status() != null ? "answered " + outcome.status() : outcome.error();
    s.disable(
        "Disabled after "
            + head.attempt()
            + " failed attempts to deliver event "
            + head.eventId()
            + " ("
            + head.eventType()
            + "); the last "
            + why
            + ". Fix the endpoint and resume the subscription: delivery goes on from that event.",
        now);
    em.flush();
    resetFailures(head.subscriptionId());
  }

  /** Whether a subscription still delivers (its owner may pause or delete it meanwhile). */
  @Transactional
  public boolean active(UUID subscriptionId) {
    WebhookSubscription s = WebhookSubscription.findById(subscriptionId);
    return s != null && s.status == SubscriptionStatus.ACTIVE;
  }

  /** Forgets stored events and delivery records older than the topics keep events. */
  @Transactional
  public int expire(Duration retention) {
    Instant before = clock.instant().minus(retention);
    int events =
        em.createNativeQuery("delete from webhook_event where stored_at < ?1")
            .setParameter(1, before)
            .executeUpdate();
    int deliveries =
        em.createNativeQuery("delete from webhook_delivery where attempted_at < ?1")
            .setParameter(1, before)
            .executeUpdate();
    return events + deliveries;
  }
}
