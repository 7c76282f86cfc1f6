package org.qiao.curriculum.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** curriculum-service's own settings (qiao.curriculum.*). */
@ConfigMapping(prefix = "qiao.curriculum")
public interface CurriculumConfig {

  Pseudonym pseudonym();

  Imports imports();

  /**
   * Keys of the pseudonymous ids (HMAC-SHA256). Production supplies them from its secret store
   * (e.g. QIAO_CURRICULUM_PSEUDONYM_KEYS_K2025 and QIAO_CURRICULUM_PSEUDONYM_CURRENT_KEY); no
   * production key is committed. Rotation: add a key, make it current; keep the old ones.
   */
  interface Pseudonym {
    /** The id of the key new students' pseudonymous ids are derived with. */
    String currentKey();

    /** Key id → base64 secret of at least 32 bytes. */
    Map<String, String> keys();
  }

  interface Imports {
    /** Rows stored per transaction: each chunk is stored whole or not at all. */
    @WithDefault("2000")
    @Min(1)
    @Max(20000)
    int chunkSize();

    /** Where uploaded files wait for their job (default: a folder in java.io.tmpdir). */
    Optional<Path> directory();

    /** Row errors shown in the job's status; all of them are in its CSV report. */
    @WithDefault("100")
    @Min(0)
    int errorsShown();

    /**
     * Largest body of JSON rows: unlike a file it is parsed in memory at once (5,000 rows of usual
     * length are under 2 MB); larger cohorts go as CSV or XLSX.
     */
    @WithDefault("8M")
    MemorySize maxJsonSize();

    Uploads uploads();
  }

  /**
   * Bodies of POST /student-imports received at once. Each is streamed to {@link
   * Imports#directory()}; the bounds keep slow or many senders from taking every worker thread and
   * the disk's bandwidth.
   */
  interface Uploads {
    /** Uploads this instance receives at once; one more answers 503 with Retry-After. */
    @WithDefault("4")
    @Min(1)
    int maxConcurrent();

    /** Uploads one organisation sends at once; one more answers 429 with Retry-After. */
    @WithDefault("2")
    @Min(1)
    int maxConcurrentPerOrganisation();

    /** What Retry-After tells a refused upload. */
    @WithDefault("15s")
    Duration retryAfter();

    /** Longest an upload may take to arrive (408 after it), so no sender holds a slot forever. */
    @WithDefault("10m")
    Duration timeout();
  }
}
