package org.qiao.kit.events;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contract: one JSON Schema per event type, read from {@code
 * contracts/schemas/<type>.json} on the classpath (every service packages the repository's {@code
 * contracts/} folder). A type without a schema is not part of the contract.
 */
public final class EventSchemas {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  // Formats (uuid, date-time, date) are part of the contract, not annotations.
  private static final SchemaValidatorsConfig VALIDATION =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final ConcurrentHashMap<String, Optional<JsonSchema>> CACHE =
      new ConcurrentHashMap<>();

  private EventSchemas() {}

  public static boolean isKnown(String type) {
    return schema(type).isPresent();
  }

  /** Problems of the event's data against its type's schema; empty when it conforms. */
  public static List<String> violations(CloudEvent event) {
    JsonSchema schema =
        schema(event.type())
            .orElseThrow(() -> new InvalidEventException("unknown event type " + event.type()));
    return schema.validate(event.data()).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /** Throws when the event is of an unknown type or its data breaks the type's schema. */
  public static void requireValid(CloudEvent event) {
    List<String> problems = violations(event);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(
          event.type() + " data violates its schema: " + String.join("; ", problems));
    }
  }

  private static Optional<JsonSchema> schema(String type) {
    if (type == null || !type.matches("[a-z0-9.-]+")) {
      return Optional.empty();
    }
    return CACHE.computeIfAbsent(type, EventSchemas::load);
  }

  private static Optional<JsonSchema> load(String type) {
    String path = "contracts/schemas/" + type + ".json";
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(FACTORY.getSchema(in, VALIDATION));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable schema " + path, e);
    }
  }
}
