package org.qiao.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qiao.matching.config.VocabularyProducer;

/** The shipped vocabulary and how names become skills. */
class SkillVocabularyTest {

  static SkillVocabulary vocabulary;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        SkillVocabularyTest.class
            .getClassLoader()
            .getResourceAsStream(VocabularyProducer.BUNDLED)) {
      vocabulary = VocabularyProducer.read(in, new ObjectMapper());
    }
  }

  @Test
  void aliasesCaseWidthAndPunctuationNameOneSkill() {
    for (String name :
        List.of("Java开发", "Java", "java", "JAVA", "ｊａｖａ", " Java ", "Java EE", "J2EE")) {
      assertEquals("SW-JAVA", vocabulary.resolve(name).orElseThrow().code(), name);
    }
    assertEquals("SW-CPP", vocabulary.resolve("c++").orElseThrow().code());
    assertEquals("SW-C", vocabulary.resolve("C语言").orElseThrow().code(), "C++ and C stay apart");
    assertEquals("SW-SPRING", vocabulary.resolve("spring-boot").orElseThrow().code());
    assertEquals("IC-SV-UVM", vocabulary.resolve("UVM 验证").orElseThrow().code());
    assertTrue(vocabulary.resolve("区块链").isEmpty(), "an unknown name resolves to nothing");
    assertTrue(vocabulary.resolve("  ·  ").isEmpty());
  }

  @Test
  void everySkillOfTheDemandTemplatesIsKnown() throws Exception {
    // The templates enterprises start from (talent-demand-service's reference data, read as a file
    // of the repository): a template skill that matching cannot resolve would be unmatched text.
    Path templates =
        Path.of("..", "talent-demand-service", "src", "main", "resources", "templates")
            .resolve("demand-templates.json");
    List<String> unknown = new ArrayList<>();
    for (JsonNode t : new ObjectMapper().readTree(Files.readString(templates))) {
      for (JsonNode s : t.get("skills")) {
        if (vocabulary.resolve(s.get("name").asText()).isEmpty()) {
          unknown.add(s.get("name").asText());
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  @Test
  void suggestionsMatchBothLanguagesPrefixesBeforeContainment() {
    assertEquals(
        List.of("SW-JAVA", "SW-JS"),
        vocabulary.suggest("jav", 10).stream().map(s -> s.skill().code()).toList(),
        "Java (prefix) before JavaScript (prefix of an alias, later in the vocabulary)");
    var verify = vocabulary.suggest("验证", 10).stream().map(s -> s.skill().code()).toList();
    assertTrue(verify.containsAll(List.of("IC-SV-UVM", "BM-ASSAYVAL")), verify.toString());
    assertEquals("Deep learning", vocabulary.suggest("deep", 5).get(0).skill().en());
    assertEquals(List.of(), vocabulary.suggest("—", 5));
    assertEquals(1, vocabulary.suggest("a", 1).size(), "the limit holds");
  }

  @Test
  void aNameCannotMeanTwoSkills() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SkillVocabulary(
                "x",
                List.of(
                    new Skill("A", "甲", "Alpha", List.of("shared"), List.of()),
                    new Skill("B", "乙", "Beta", List.of("SHARED"), List.of()))));
  }
}
