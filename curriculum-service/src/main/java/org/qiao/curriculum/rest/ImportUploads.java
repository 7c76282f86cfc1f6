package org.qiao.curriculum.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.qiao.curriculum.config.CurriculumConfig;
import org.qiao.kit.guard.GuardConfig;
import org.qiao.kit.http.UploadSlots;

/**
 * The bounds on cohort uploads: how many are received at once (qiao.curriculum.imports.uploads.*),
 * how large a file may be (the kit's qiao.http.upload.max-size) and how large JSON rows.
 */
@ApplicationScoped
public class ImportUploads {

  private final UploadSlots slots;
  private final long maxFileSize;
  private final long maxJsonSize;
  private final Duration timeout;

  ImportUploads(CurriculumConfig config, GuardConfig guard) {
    CurriculumConfig.Uploads uploads = config.imports().uploads();
    this.maxFileSize = guard.upload().maxSize().asLongValue();
    this.maxJsonSize = config.imports().maxJsonSize().asLongValue();
    this.timeout = uploads.timeout();
    this.slots =
        new UploadSlots(
            uploads.maxConcurrent(), uploads.maxConcurrentPerOrganisation(), uploads.retryAfter());
  }

  UploadSlots.Slot acquire(String organisation) {
    return slots.acquire(organisation);
  }

  long maxFileSize() {
    return maxFileSize;
  }

  long maxJsonSize() {
    return maxJsonSize;
  }

  Duration timeout() {
    return timeout;
  }

  /** Uploads being received now. */
  public int inUse() {
    return slots.inUse();
  }
}
