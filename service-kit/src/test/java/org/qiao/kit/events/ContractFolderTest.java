package org.qiao.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's event contract is complete and consistent: every event type has a schema, an
 * example that conforms to it, and a message in the AsyncAPI document, and nothing else.
 */
class ContractFolderTest {

  private static final Path CONTRACTS =
      Path.of(System.getProperty("qiao.contracts.dir", "../contracts"));

  @Test
  void everySchemaHasAConformingExampleAndAnAsyncApiMessage() throws IOException {
    Set<String> schemaTypes = types(CONTRACTS.resolve("schemas"));
    assertFalse(schemaTypes.isEmpty(), "no schemas found under " + CONTRACTS);
    assertEquals(schemaTypes, types(CONTRACTS.resolve("examples")), "one example per schema");

    JsonNode asyncApi =
        new ObjectMapper(new YAMLFactory()).readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
    Set<String> messages = new HashSet<>();
    asyncApi
        .path("components")
        .path("messages")
        .forEach(m -> messages.add(m.path("name").asText()));
    assertEquals(schemaTypes, messages, "AsyncAPI messages and schemas name the same event types");

    for (String type : schemaTypes) {
      assertTrue(
          type.matches("qiao\\.[a-z-]+\\.[a-z-]+\\.v\\d+"),
          type + " is qiao.<aggregate>.<verb>.v<n>");
      JsonNode example =
          EventCodec.mapper()
              .readTree(CONTRACTS.resolve("examples").resolve(type + ".json").toFile());
      List<String> violations = violations(type, example);
      assertTrue(violations.isEmpty(), type + " example violates its schema: " + violations);
    }
  }

  private static List<String> violations(String type, JsonNode data) {
    var factory = EventSchemas.factory(CONTRACTS.resolve("schemas").toAbsolutePath().toUri() + "");
    List<String> out = new ArrayList<>();
    EventSchemas.load(factory, type).validate(data).forEach(m -> out.add(m.getMessage()));
    return out;
  }

  private static Set<String> types(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> out = new HashSet<>();
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .forEach(n -> out.add(n.substring(0, n.length() - ".json".length())));
      return out;
    }
  }
}
