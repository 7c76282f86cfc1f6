package org.qiao.kit.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the running service's OpenAPI document with the one committed in the repository. Run the
 * tests with {@code -Dqiao.openapi.update=true} to rewrite the committed file after an intended API
 * change, then review its diff.
 */
public final class OpenApiContract {

  public static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private OpenApiContract() {}

  public static void assertRunningServiceMatchesCommitted() throws IOException {
    String body =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode running = JSON.readTree(body);
    if (Boolean.getBoolean("qiao.openapi.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(
          COMMITTED, JSON.writeValueAsString(JSON.treeToValue(running, Object.class)) + "\n");
      assertCommittedDocumentIsValid();
      return;
    }
    if (!Files.exists(COMMITTED)) {
      fail(
          "No committed OpenAPI document at "
              + COMMITTED
              + "; run with -Dqiao.openapi.update=true");
    }
    String committedText = Files.readString(COMMITTED);
    JsonNode committed = JSON.readTree(committedText);
    String difference = firstDifference("", committed, running);
    if (difference != null) {
      fail(
          "The running OpenAPI document differs from "
              + COMMITTED
              + " at "
              + difference
              + " (rerun with -Dqiao.openapi.update=true if the change is intended)");
    }
  }

  /**
   * The committed document is valid OpenAPI and keeps {@link ContractRules}: checked on the file,
   * so neither a hand edit nor a regenerated document can slip through.
   */
  public static void assertCommittedDocumentIsValid() throws IOException {
    String text = Files.readString(COMMITTED);
    List<String> problems = new ArrayList<>(ContractRules.parserMessages(text));
    problems.addAll(ContractRules.violations(JSON.readTree(text)));
    if (!problems.isEmpty()) {
      fail(COMMITTED + " breaks the contract rules:\n  " + String.join("\n  ", problems));
    }
  }

  private static String firstDifference(String at, JsonNode expected, JsonNode actual) {
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!expected.has(name)) return path + " (only in the running service)";
        if (!actual.has(name)) return path + " (only in the committed document)";
        String d = firstDifference(path, expected.get(name), actual.get(name));
        if (d != null) return d;
      }
      return null;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) return at + " (array sizes differ)";
      for (int i = 0; i < expected.size(); i++) {
        String d = firstDifference(at + "/" + i, expected.get(i), actual.get(i));
        if (d != null) return d;
      }
      return null;
    }
    return expected.equals(actual) ? null : at + ": committed " + expected + ", running " + actual;
  }
}
