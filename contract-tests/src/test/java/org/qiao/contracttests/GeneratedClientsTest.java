package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each committed OpenAPI document has a generated client whose operation methods are exactly the
 * document's operationIds ({@code createDemand}, not a name made from the path such as {@code
 * apiV1DemandsPost}).
 */
class GeneratedClientsTest {

  /** Where the documents the clients were generated from are (the checkout unless overridden). */
  private static final Path ROOT =
      Path.of(System.getProperty("qiao.openapi.root", System.getProperty("qiao.root", "..")))
          .toAbsolutePath();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "talent-demand-service, talentdemand",
    "matching-service, matching",
    "curriculum-service, curriculum",
    "internship-service, internship"
  })
  void operationMethodsAreTheOperationIds(String service, String clientPackage) throws Exception {
    JsonNode doc =
        new ObjectMapper()
            .readTree(ROOT.resolve(service).resolve("src/main/openapi/openapi.json").toFile());
    Set<String> operationIds = new TreeSet<>();
    doc.path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      if (operation.has("operationId")) {
                        operationIds.add(operation.get("operationId").asText());
                      }
                    }));

    String invoker = "org.qiao.client." + clientPackage;
    // The invoker class exists for every document, operations or not.
    Class<?> apiClient = Class.forName(invoker + ".ApiClient");
    Set<String> methods = new TreeSet<>();
    for (Class<?> api : apiClasses(apiClient, invoker + ".api")) {
      for (Method m : api.getDeclaredMethods()) {
        String name = m.getName();
        if (Modifier.isPublic(m.getModifiers())
            && !name.endsWith("WithHttpInfo")
            && !name.equals("downloadFileFromResponse")
            && !name.equals("getObjectMapper")) {
          methods.add(name);
        }
      }
    }
    assertEquals(operationIds, methods, service + ": generated operation methods");
    if (service.equals("talent-demand-service")) {
      assertTrue(methods.containsAll(Set.of("registerEnterprise", "createDemand", "getDemand")));
    }
    if (service.equals("matching-service")) {
      assertTrue(methods.contains("getPublishedDemand"));
    }
  }

  /**
   * The generated {@code *Api} classes of a package, found next to its ApiClient's classes (module
   * api-clients: its classes directory, or its jar when the reactor packaged it).
   */
  private static Set<Class<?>> apiClasses(Class<?> apiClient, String apiPackage)
      throws URISyntaxException, java.io.IOException, ClassNotFoundException {
    Path classes = Path.of(apiClient.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(classes)) {
      try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(classes)) {
        return apiClasses(jar.getPath("/"), apiPackage);
      }
    }
    return apiClasses(classes, apiPackage);
  }

  private static Set<Class<?>> apiClasses(Path classes, String apiPackage)
      throws java.io.IOException, ClassNotFoundException {
    Path dir = classes.resolve(apiPackage.replace('.', '/'));
    Set<Class<?>> out = new java.util.LinkedHashSet<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (file.endsWith("Api.class")) {
          out.add(Class.forName(apiPackage + "." + file.substring(0, file.length() - 6)));
        }
      }
    }
    return out;
  }
}
