package org.qiao.matching.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where the skills vocabulary comes from ({@code qiao.matching.vocabulary.*}). */
@ConfigMapping(prefix = "qiao.matching.vocabulary")
public interface VocabularyConfig {

  /**
   * A vocabulary file (the format of the bundled {@code skills/vocabulary.json}) replacing the
   * bundled one: curators grow the vocabulary without a release.
   */
  Optional<String> file();
}
