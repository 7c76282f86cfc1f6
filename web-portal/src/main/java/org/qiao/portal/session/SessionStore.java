package org.qiao.portal.session;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qiao.portal.config.PortalConfig;

/**
 * The portal's only state: sessions in memory (ADR 0019). A restart signs everyone out, which a
 * portal holding no data of its own can afford; several instances need sticky sessions or a shared
 * store (issue 20).
 */
@ApplicationScoped
public class SessionStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private record Entry(PortalSession session, long lastUsedNanos) {}

  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final PortalConfig config;
  private final Clock clock = Clock.systemUTC();

  SessionStore(PortalConfig config) {
    this.config = config;
  }

  /** Opens a session for a signed-in person; returns it with its new id. */
  public PortalSession open(
      Persona persona, String org, String subject, String token, Instant tokenExpires) {
    if (sessions.size() >= config.session().maxSessions()) {
      evictLeastRecentlyUsed();
    }
    PortalSession s = new PortalSession(randomId(), persona, org, subject, token, tokenExpires);
    sessions.put(s.id(), new Entry(s, System.nanoTime()));
    return s;
  }

  /**
   * The live session with this id, touched; empty when unknown, idle too long or its token expired.
   */
  public Optional<PortalSession> find(String id) {
    if (id == null || id.length() != 43) {
      return Optional.empty();
    }
    Entry e = sessions.get(id);
    if (e == null) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    if (now - e.lastUsedNanos() > config.session().idleTimeout().toNanos()
        || e.session().expired(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    sessions.put(id, new Entry(e.session(), now));
    return Optional.of(e.session());
  }

  public void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  public int size() {
    return sessions.size();
  }

  @Scheduled(every = "1m", delayed = "1m")
  void forgetIdle() {
    long now = System.nanoTime();
    long idle = config.session().idleTimeout().toNanos();
    Instant wall = clock.instant();
    sessions
        .entrySet()
        .removeIf(
            e -> now - e.getValue().lastUsedNanos() > idle || e.getValue().session().expired(wall));
  }

  private void evictLeastRecentlyUsed() {
    sessions.entrySet().stream()
        .min(Comparator.comparingLong(e -> e.getValue().lastUsedNanos()))
        .ifPresent(e -> sessions.remove(e.getKey()));
  }

  private static String randomId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
