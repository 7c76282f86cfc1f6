package org.qiao.contracttests;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * contracts/asyncapi.yaml and contracts/schemas agree: every message of every channel has a payload
 * that is a committed schema (schemas/&lt;message name&gt;.json), every committed schema is some
 * message's payload, and every reference inside the document resolves.
 */
class AsyncApiReferencesTest {

  private static final Path CONTRACTS =
      Path.of(
              System.getProperty(
                  "qiao.contracts.dir",
                  Path.of(System.getProperty("qiao.root", ".."), "contracts").toString()))
          .toAbsolutePath()
          .normalize();
  private static JsonNode doc;

  @BeforeAll
  static void parse() throws IOException {
    doc = new ObjectMapper(new YAMLFactory()).readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
  }

  @Test
  void everyInternalReferenceResolves() {
    List<String> unresolved = new ArrayList<>();
    collectRefs(doc, "")
        .forEach(
            (where, ref) -> {
              if (ref.startsWith("#") && doc.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(where + " -> " + ref);
              }
            });
    assertEquals(List.of(), unresolved, "references that resolve to nothing");
  }

  @Test
  void everyChannelMessageHasACommittedSchemaAsPayload() {
    List<String> problems = new ArrayList<>();
    doc.path("channels")
        .fields()
        .forEachRemaining(
            channel ->
                channel
                    .getValue()
                    .path("messages")
                    .fields()
                    .forEachRemaining(
                        m -> {
                          String where = "channel " + channel.getKey() + " message " + m.getKey();
                          JsonNode message = resolve(m.getValue());
                          String name = message.path("name").asText("");
                          String payload = message.path("payload").path("$ref").asText("");
                          if (!payload.startsWith("./schemas/")) {
                            problems.add(where + ": payload is not a ./schemas/ file: " + payload);
                            return;
                          }
                          Path file = CONTRACTS.resolve(payload).normalize();
                          if (!Files.isRegularFile(file)) {
                            problems.add(where + ": " + payload + " does not exist");
                          }
                          if (!payload.equals("./schemas/" + name + ".json")) {
                            problems.add(
                                where
                                    + ": payload "
                                    + payload
                                    + " is not schemas/"
                                    + name
                                    + ".json");
                          }
                        }));
    assertEquals(List.of(), problems);
  }

  @Test
  void everyCommittedSchemaIsAChannelMessagesPayload() throws IOException {
    Set<String> referenced = new TreeSet<>();
    doc.path("channels")
        .forEach(
            channel ->
                channel
                    .path("messages")
                    .forEach(
                        m ->
                            referenced.add(
                                CONTRACTS
                                    .resolve(resolve(m).path("payload").path("$ref").asText(""))
                                    .normalize()
                                    .toString())));
    Set<String> unreferenced = new TreeSet<>();
    try (Stream<Path> files = Files.list(CONTRACTS.resolve("schemas"))) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .forEach(
              f -> {
                if (!referenced.contains(f.toAbsolutePath().normalize().toString())) {
                  unreferenced.add(CONTRACTS.relativize(f).toString());
                }
              });
    }
    assertFalse(referenced.isEmpty(), "no channel references a schema");
    assertEquals(Set.of(), unreferenced, "schemas no channel message uses");
  }

  @Test
  void everyComponentMessageIsUsedByAChannel() {
    Set<String> used = new TreeSet<>();
    doc.path("channels")
        .forEach(c -> c.path("messages").forEach(m -> used.add(m.path("$ref").asText(""))));
    Set<String> unused = new TreeSet<>();
    doc.path("components")
        .path("messages")
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!used.contains("#/components/messages/" + n)) {
                unused.add(n);
              }
            });
    assertEquals(Set.of(), unused, "component messages no channel lists");
    assertTrue(used.size() > 0);
  }

  private static JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#") ? doc.at(ref.substring(1)) : node;
  }

  private static Map<String, String> collectRefs(JsonNode node, String at) {
    Map<String, String> refs = new java.util.LinkedHashMap<>();
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                  refs.put(at, e.getValue().asText());
                } else {
                  refs.putAll(collectRefs(e.getValue(), at + "/" + e.getKey()));
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refs.putAll(collectRefs(node.get(i), at + "/" + i));
      }
    }
    return refs;
  }
}
