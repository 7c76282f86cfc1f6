package org.qiao.kit.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qiao.kit.problem.ProblemException;

/**
 * How many uploads a service receives at once, in all and per organisation. A file body is streamed
 * to disk, so memory is not what runs out; bandwidth, disk and the worker threads waiting on slow
 * senders are, and one organisation must not take them all. Taken before a byte of the body is
 * read; beyond a bound the caller is told when to come back: 429 when its own organisation has as
 * many uploads running as it may, 503 when the service as a whole has.
 */
public final class UploadSlots {

  private final int perService;
  private final int perOrganisation;
  private final long retryAfterSeconds;
  private final Map<String, Integer> byOrganisation = new HashMap<>();
  private int inUse;

  public UploadSlots(int perService, int perOrganisation, Duration retryAfter) {
    if (perService < 1 || perOrganisation < 1) {
      throw new IllegalArgumentException("upload bounds must be at least 1");
    }
    this.perService = perService;
    this.perOrganisation = perOrganisation;
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  /** A slot for one upload of the organisation, or the 429/503 problem saying when to retry. */
  public Slot acquire(String organisation) {
    synchronized (this) {
      int own = byOrganisation.getOrDefault(organisation, 0);
      if (own >= perOrganisation) {
        throw refused(
            429,
            "too-many-uploads",
            "Too Many Requests",
            "Your organisation already sends "
                + own
                + " uploads at once, as many as it may; retry after "
                + retryAfterSeconds
                + " s");
      }
      if (inUse >= perService) {
        throw refused(
            503,
            "uploads-busy",
            "Service Unavailable",
            "The service receives as many uploads as it can at once; retry after "
                + retryAfterSeconds
                + " s");
      }
      byOrganisation.put(organisation, own + 1);
      inUse++;
    }
    return new Slot(organisation);
  }

  /** Uploads being received now. */
  public synchronized int inUse() {
    return inUse;
  }

  private synchronized void release(String organisation) {
    inUse--;
    byOrganisation.computeIfPresent(organisation, (k, n) -> n > 1 ? n - 1 : null);
  }

  private ProblemException refused(int status, String slug, String title, String detail) {
    return new ProblemException(status, slug, title, detail, List.of())
        .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }

  /** One upload's place; closing it (once or more) frees it. */
  public final class Slot implements AutoCloseable {
    private final String organisation;
    private boolean released;

    private Slot(String organisation) {
      this.organisation = organisation;
    }

    @Override
    public void close() {
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
      }
      release(organisation);
    }
  }
}
