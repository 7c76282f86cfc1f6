package org.qiao.curriculum.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
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
  }
}
