package org.qiao.matching.service.partner;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.matching.config.PartnersConfig;
import org.qiao.matching.domain.partner.EventTypeFilter;
import org.qiao.matching.domain.partner.FeedCursor;
import org.qiao.matching.domain.partner.PartnerRole;
import org.qiao.matching.messaging.EventLog;

/**
 * The event feed (ADR 0018): the events a partner may see, in the log's order, from a cursor. A
 * page holds at most {@code limit} events and scans at most {@code qiao.partners.feed.max-scan}
 * records, so a partner that sees few events gets short (even empty) pages with a cursor that moved
 * on: it never misses or repeats one.
 */
@ApplicationScoped
public class PartnerFeed {

  /** The cursor points before what the topics keep; {@code oldest} is where reading can go on. */
  public static final class CursorExpired extends RuntimeException {
    public final FeedCursor oldest;

    CursorExpired(FeedCursor oldest) {
      super("cursor expired", null, false, false);
      this.oldest = oldest;
    }
  }

  /** A page of the feed: the events, the cursor to read on from, and whether it reached the end. */
  public record FeedPage(List<JsonNode> events, FeedCursor next, boolean caughtUp) {}

  private final EventLog log;
  private final PartnerEvents events;
  private final PartnersConfig config;

  PartnerFeed(EventLog log, PartnerEvents events, PartnersConfig config) {
    this.log = log;
    this.events = events;
    this.config = config;
  }

  public FeedPage read(
      PartnerRole role, String org, FeedCursor from, EventTypeFilter types, int limit) {
    EventLog.Slice slice;
    try {
      slice = log.read(from, config.feed().maxScan(), config.feed().maxWait());
    } catch (EventLog.Expired e) {
      throw new CursorExpired(e.oldest);
    }
    List<JsonNode> out = new ArrayList<>();
    List<EventLog.Entry> entries = slice.entries();
    for (int i = 0; i < entries.size(); i++) {
      Optional<CloudEvent> e = events.decode(entries.get(i).value());
      if (e.isEmpty() || !types.matches(e.get().type())) {
        continue;
      }
      if (!events.audienceOf(e.get()).admits(role, org)) {
        continue;
      }
      out.add(asWritten(entries.get(i).value()));
      if (out.size() == limit) {
        boolean last = i == entries.size() - 1;
        return new FeedPage(out, slice.after(i + 1), last && slice.caughtUp());
      }
    }
    return new FeedPage(out, slice.next(), slice.caughtUp());
  }

  /** The event as its producer wrote it (extension attributes included), not as decoded. */
  private static JsonNode asWritten(byte[] value) {
    try {
      return EventCodec.mapper().readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an event decoded once no longer parses", e);
    }
  }

  /** The oldest cursor still served. */
  public FeedCursor oldest() {
    return log.oldest();
  }
}
