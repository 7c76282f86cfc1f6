package org.qiao.matching.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import org.qiao.matching.domain.Skill;
import org.qiao.matching.domain.SkillVocabulary;

/**
 * Loads the vocabulary once at start: the configured file, else the one shipped with the service.
 */
@ApplicationScoped
public class VocabularyProducer {

  private static final Logger LOG = Logger.getLogger(VocabularyProducer.class);
  static final String BUNDLED = "skills/vocabulary.json";

  record VocabularyFile(String version, List<Skill> skills) {}

  @Produces
  @ApplicationScoped
  SkillVocabulary vocabulary(VocabularyConfig config, ObjectMapper json) {
    VocabularyFile f;
    String source;
    try {
      if (config.file().isPresent()) {
        source = config.file().get();
        try (InputStream in = Files.newInputStream(Path.of(source))) {
          f = json.readValue(in, VocabularyFile.class);
        }
      } else {
        source = "classpath:" + BUNDLED;
        try (InputStream in =
            Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
          f = json.readValue(in, VocabularyFile.class);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The skills vocabulary could not be read", e);
    }
    SkillVocabulary v = new SkillVocabulary(f.version(), f.skills());
    LOG.infof("Skills vocabulary %s: %d skills from %s", v.version(), v.size(), source);
    return v;
  }
}
