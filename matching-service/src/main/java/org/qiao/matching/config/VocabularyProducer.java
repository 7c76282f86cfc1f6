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
  public static final String BUNDLED = "skills/vocabulary.json";

  record VocabularyFile(String version, List<Skill> skills) {}

  @Produces
  @ApplicationScoped
  SkillVocabulary vocabulary(VocabularyConfig config, ObjectMapper json) {
    String source = config.file().orElse("classpath:" + BUNDLED);
    try (InputStream in =
        config.file().isPresent()
            ? Files.newInputStream(Path.of(config.file().get()))
            : Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
      SkillVocabulary v = read(in, json);
      LOG.infof("Skills vocabulary %s: %d skills from %s", v.version(), v.size(), source);
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException("The skills vocabulary could not be read from " + source, e);
    }
  }

  /** A vocabulary in the format of the bundled file. */
  public static SkillVocabulary read(InputStream in, ObjectMapper json) throws IOException {
    VocabularyFile f = json.readValue(in, VocabularyFile.class);
    return new SkillVocabulary(f.version(), f.skills());
  }
}
