package org.qiao.matching.service.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.matching.config.PartnersConfig;
import org.qiao.matching.domain.partner.Audience;
import org.qiao.matching.domain.partner.EventTypeFilter;
import org.qiao.matching.domain.partner.PartnerRole;
import org.qiao.matching.domain.partner.WebhookSubscription;
import org.qiao.matching.domain.partner.WebhookUrl;

/**
 * A partner's webhook subscriptions (ADR 0018): registered, changed, paused, resumed, deleted,
 * their secret rotated, a ping sent, events redelivered, and the log of deliveries read. Only the
 * organisation (in the role) that registered one sees it; anyone else gets 404.
 */
@ApplicationScoped
public class WebhookSubscriptions {

  public static final String PING_TYPE = "qiao.webhook.ping.v1";

  /** Most events one redelivery queues again. */
  static final int MAX_REDELIVERED = 100_000;

  /** A subscription with what its queue holds. */
  public record Status(
      WebhookSubscription subscription, long queued, int failedAttempts, Instant nextAttemptAt) {}

  /** One attempt of a delivery, as the log keeps it. */
  public record Delivery(
      UUID id,
      UUID eventId,
      String eventType,
      int attempt,
      Instant attemptedAt,
      boolean succeeded,
      Integer responseStatus,
      int latencyMs,
      String responseExcerpt,
      String error) {}

  private final EntityManager em;
  private final EndpointGuard guard;
  private final WebhookFanOut fanOut;
  private final PartnersConfig config;
  private final Clock clock;

  WebhookSubscriptions(
      EntityManager em,
      EndpointGuard guard,
      WebhookFanOut fanOut,
      PartnersConfig config,
      Clock clock) {
    this.em = em;
    this.guard = guard;
    this.fanOut = fanOut;
    this.config = config;
    this.clock = clock;
  }

  static final int MAX_PER_ORGANISATION = 25;

  @Transactional
  public WebhookSubscription register(
      PartnerRole role, String org, String url, List<String> eventTypes, String description) {
    WebhookUrl accepted = guard.accept(url, "url");
    EventTypeFilter types = EventTypeFilter.of(eventTypes, "eventTypes");
    // A few endpoints per organisation are plenty; thousands would crowd out other partners.
    long held = WebhookSubscription.count("ownerRole = ?1 and ownerOrg = ?2", role, org);
    if (held >= MAX_PER_ORGANISATION) {
      throw ProblemException.conflict(
          "An organisation has at most "
              + MAX_PER_ORGANISATION
              + " webhook subscriptions; delete one it no longer needs");
    }
    WebhookSubscription s =
        WebhookSubscription.register(
            Ids.newId(clock), role, org, accepted, types, description, clock.instant());
    s.persist();
    return s;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Status get(PartnerRole role, String org, UUID id) {
    return status(owned(role, org, id, false));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Status> list(PartnerRole role, String org, UUID cursor, int limit) {
    String sql =
        "select * from webhook_subscription where owner_role = ?1 and owner_org = ?2"
            + (cursor == null ? "" : " and id < ?4")
            + " order by id desc limit ?3";
    var q =
        em.createNativeQuery(sql, WebhookSubscription.class)
            .setParameter(1, role.name())
            .setParameter(2, org)
            .setParameter(3, limit + 1);
    if (cursor != null) {
      q.setParameter(4, cursor);
    }
    @SuppressWarnings("unchecked")
    List<WebhookSubscription> rows = q.getResultList();
    return Page.of(rows, limit, s -> s.id).map(this::status);
  }

  @Transactional
  public Status change(
      PartnerRole role,
      String org,
      UUID id,
      long expectedVersion,
      String url,
      List<String> eventTypes,
      String description) {
    WebhookSubscription s = owned(role, org, id, true);
    Versions.check(expectedVersion, s.version);
    s.change(
        guard.accept(url, "url"),
        EventTypeFilter.of(eventTypes, "eventTypes"),
        description,
        clock.instant());
    return status(s);
  }

  @Transactional
  public Status pause(PartnerRole role, String org, UUID id) {
    WebhookSubscription s = owned(role, org, id, true);
    s.pause(clock.instant());
    return status(s);
  }

  /** Delivery goes on from the oldest queued event, tried at once. */
  @Transactional
  public Status resume(PartnerRole role, String org, UUID id) {
    WebhookSubscription s = owned(role, org, id, true);
    s.resume(clock.instant());
    em.flush();
    em.createNativeQuery(
            "update webhook_subscription set failed_attempts = 0, next_attempt_at = null"
                + " where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    return status(s);
  }

  @Transactional
  public void delete(PartnerRole role, String org, UUID id) {
    owned(role, org, id, true).delete();
  }

  /** A new secret (returned once); the previous one signs beside it for the overlap. */
  @Transactional
  public String rotateSecret(PartnerRole role, String org, UUID id, Duration overlap) {
    WebhookSubscription s = owned(role, org, id, true);
    return s.rotateSecret(
        overlap == null ? config.webhooks().secretOverlap() : overlap, clock.instant());
  }

  /** Queues a ping event for this subscription only; its id is the delivery's webhook-id. */
  @Transactional
  public UUID ping(PartnerRole role, String org, UUID id) {
    WebhookSubscription s = owned(role, org, id, true);
    ObjectNode data = EventCodec.mapper().createObjectNode();
    data.put("subscriptionId", s.id.toString()).put("message", "Qiao webhook test");
    CloudEvent e = CloudEvent.create("matching-service", PING_TYPE, s.id.toString(), data);
    UUID eventId = UUID.fromString(e.id());
    Instant now = clock.instant();
    fanOut.store(
        eventId,
        e,
        EventCodec.encode(e).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Audience.NOBODY,
        now);
    fanOut.queue(List.of(s.id), eventId, now);
    return eventId;
  }

  /**
   * Queues again one stored event, or every stored event since a time that the subscription may see
   * and wants, oldest first. Returns how many were queued; 404 for an event it may not see.
   */
  @Transactional
  public int redeliver(PartnerRole role, String org, UUID id, UUID eventId, Instant since) {
    WebhookSubscription s = owned(role, org, id, true);
    if ((eventId == null) == (since == null)) {
      throw ProblemException.invalidField("eventId", "give exactly one of eventId and since");
    }
    Instant now = clock.instant();
    String sql =
        "select event_id, type, everyone, cast(audience as text) from webhook_event"
            + (eventId != null
                ? " where event_id = ?1"
                : " where occurred_at >= ?1 and type <> '" + PING_TYPE + "'")
            + " order by occurred_at, event_id limit "
            + (MAX_REDELIVERED + 1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(sql)
            .setParameter(1, eventId != null ? eventId : Timestamp.from(since))
            .getResultList();
    if (rows.size() > MAX_REDELIVERED) {
      throw ProblemException.invalidField(
          "since", "more than " + MAX_REDELIVERED + " events: choose a later time");
    }
    List<UUID> wanted = new ArrayList<>();
    for (Object[] r : rows) {
      String type = (String) r[1];
      boolean ping = PING_TYPE.equals(type);
      Audience audience = audience((Boolean) r[2], (String) r[3]);
      if (ping ? s.id.equals(subscriptionOfPing(r)) : s.wants(type, audience)) {
        wanted.add((UUID) r[0]);
      }
    }
    if (eventId != null && wanted.isEmpty()) {
      throw ProblemException.notFound("Event " + eventId + " for this subscription");
    }
    for (UUID e : wanted) {
      fanOut.queue(List.of(s.id), e, now);
    }
    return wanted.size();
  }

  private UUID subscriptionOfPing(Object[] row) {
    Object subject =
        em.createNativeQuery("select subject from webhook_event where event_id = ?1")
            .setParameter(1, row[0])
            .getSingleResult();
    try {
      return UUID.fromString((String) subject);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Audience audience(Boolean everyone, String stored) {
    try {
      return Audience.fromStored(
          Boolean.TRUE.equals(everyone), EventCodec.mapper().readTree(stored));
    } catch (java.io.IOException e) {
      return Audience.NOBODY;
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Delivery> deliveries(PartnerRole role, String org, UUID id, UUID cursor, int limit) {
    owned(role, org, id, false);
    String sql =
        "select id, event_id, event_type, attempt, attempted_at, succeeded, response_status,"
            + " latency_ms, response_excerpt, error from webhook_delivery"
            + " where subscription_id = ?1"
            + (cursor == null ? "" : " and id < ?3")
            + " order by id desc limit ?2";
    var q = em.createNativeQuery(sql).setParameter(1, id).setParameter(2, limit + 1);
    if (cursor != null) {
      q.setParameter(3, cursor);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    List<Delivery> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Delivery(
              (UUID) r[0],
              (UUID) r[1],
              (String) r[2],
              ((Number) r[3]).intValue(),
              instant(r[4]),
              (Boolean) r[5],
              r[6] == null ? null : ((Number) r[6]).intValue(),
              ((Number) r[7]).intValue(),
              (String) r[8],
              (String) r[9]));
    }
    return Page.of(out, limit, Delivery::id);
  }

  private WebhookSubscription owned(PartnerRole role, String org, UUID id, boolean forUpdate) {
    WebhookSubscription s =
        forUpdate
            ? WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE)
            : WebhookSubscription.findById(id);
    if (s == null || !s.ownedBy(role, org)) {
      throw ProblemException.notFound("Webhook subscription " + id);
    }
    return s;
  }

  private Status status(WebhookSubscription s) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select (select count(*) from webhook_message m where m.subscription_id = s.id),"
                        + " s.failed_attempts, s.next_attempt_at from webhook_subscription s"
                        + " where s.id = ?1")
                .setParameter(1, s.id)
                .getSingleResult();
    return new Status(
        s, ((Number) row[0]).longValue(), ((Number) row[1]).intValue(), instant(row[2]));
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("not a time: " + value.getClass());
  }
}
