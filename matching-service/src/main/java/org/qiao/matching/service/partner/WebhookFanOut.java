package org.qiao.matching.service.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.matching.domain.partner.Audience;
import org.qiao.matching.domain.partner.FeedCursor;
import org.qiao.matching.domain.partner.WebhookSubscription;
import org.qiao.matching.messaging.EventLog;

/**
 * The webhook pump's step (ADR 0018): reads the partner event log from its stored cursor and, in
 * one transaction, stores each event some subscription wants and may see, queues it for each of
 * them and moves the cursor, so every event is queued exactly once per subscription. One instance
 * at a time (an advisory lock); the others find the lock taken and wait for the next turn.
 */
@ApplicationScoped
public class WebhookFanOut {

  private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);
  static final String PUMP = "webhooks";

  /** How long a proposal waits for its order to be known before it goes to its university only. */
  static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

  private final EntityManager em;
  private final EventLog log;
  private final PartnerEvents events;
  private final Clock clock;

  WebhookFanOut(EntityManager em, EventLog log, PartnerEvents events, Clock clock) {
    this.em = em;
    this.log = log;
    this.events = events;
    this.clock = clock;
  }

  /** One step: how many records of the log it read (0: nothing new, or another pump runs). */
  @Transactional
  public int step(int max, Duration wait) {
    Boolean locked =
        (Boolean)
            em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('qiao.webhook-pump'))")
                .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    Optional<FeedCursor> stored = cursor();
    if (stored.isEmpty()) {
      // The first start: subscriptions receive what happens from now on (history: redelivery).
      save(log.latest());
      return 0;
    }
    EventLog.Slice slice;
    try {
      slice = log.readForPump(stored.get(), max, wait);
    } catch (EventLog.Expired e) {
      LOG.errorf(
          "The webhook pump was behind the topics' retention: events were lost to subscribers;"
              + " going on from the oldest kept");
      slice = log.readForPump(e.oldest, max, wait);
    }
    if (slice.entries().isEmpty()) {
      if (!slice.next().equals(stored.get())) {
        save(slice.next());
      }
      return 0;
    }
    List<WebhookSubscription> subscriptions = WebhookSubscription.listAll();
    Instant now = clock.instant();
    int queued = 0;
    List<EventLog.Entry> entries = slice.entries();
    for (int i = 0; i < entries.size(); i++) {
      EventLog.Entry entry = entries.get(i);
      Optional<CloudEvent> decoded = events.decode(entry.value());
      if (decoded.isEmpty()) {
        continue;
      }
      CloudEvent e = decoded.get();
      if (events.awaitsProjection(e)
          && entry.timestamp() > now.minus(PROJECTION_WAIT).toEpochMilli()) {
        // A proposal whose order matching has not applied yet (another topic): its enterprise
        // is not known. Stop here and read it again next turn, for at most PROJECTION_WAIT.
        save(slice.after(i));
        return i;
      }
      Audience audience = events.audienceOf(e);
      if (audience.isNobody()) {
        continue;
      }
      List<UUID> to = new ArrayList<>();
      for (WebhookSubscription s : subscriptions) {
        if (s.wants(e.type(), audience)) {
          to.add(s.id);
        }
      }
      UUID eventId = parseId(e.id());
      if (eventId == null || to.isEmpty()) {
        continue;
      }
      // Kept only when some subscription wants it: the platform's whole traffic is not copied
      // into the database, and a redelivery since a time finds what was sent.
      store(eventId, e, entry.value(), audience, now);
      queued += queue(to, eventId, now);
    }
    save(slice.next());
    if (queued > 0) {
      LOG.debugf("queued %d webhook messages", queued);
    }
    return slice.entries().size();
  }

  /** Stores an event for delivery (once, whoever else receives it). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void store(UUID eventId, CloudEvent e, byte[] body, Audience audience, Instant now) {
    em.createNativeQuery(
            "insert into webhook_event (event_id, type, subject, body, everyone, audience,"
                + " occurred_at, stored_at) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8)"
                + " on conflict do nothing")
        .setParameter(1, eventId)
        .setParameter(2, e.type())
        .setParameter(3, e.subject())
        .setParameter(4, body)
        .setParameter(5, audience.everyone())
        .setParameter(6, EventCodec.toTree(audience.stored()).toString())
        .setParameter(7, e.time() == null ? now : e.time().toInstant())
        .setParameter(8, now)
        .executeUpdate();
  }

  /** Queues a stored event behind what each subscription has queued already. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int queue(List<UUID> subscriptions, UUID eventId, Instant now) {
    return em.createNativeQuery(
            "insert into webhook_message (subscription_id, event_id, queued_at)"
                + " select cast(s as uuid), ?2, ?3 from unnest(string_to_array(?1, ',')) s")
        .setParameter(1, String.join(",", subscriptions.stream().map(UUID::toString).toList()))
        .setParameter(2, eventId)
        .setParameter(3, now)
        .executeUpdate();
  }

  private Optional<FeedCursor> cursor() {
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery("select cursor from partner_pump where name = ?1 for update")
            .setParameter(1, PUMP)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : FeedCursor.decode(rows.get(0));
  }

  private void save(FeedCursor cursor) {
    em.createNativeQuery(
            "insert into partner_pump (name, cursor) values (?1, ?2)"
                + " on conflict (name) do update set cursor = excluded.cursor")
        .setParameter(1, PUMP)
        .setParameter(2, cursor.encode())
        .executeUpdate();
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
