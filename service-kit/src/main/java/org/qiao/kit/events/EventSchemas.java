package org.qiao.kit.events;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contract: one JSON Schema per event type, {@code contracts/schemas/<type>.json} on the
 * classpath (every service packages the repository's {@code contracts/} folder). Schemas share
 * definitions under {@code defs/} by relative {@code $ref} from their {@code $id} ({@link #BASE}).
 * A type without a schema is not part of the contract.
 */
public final class EventSchemas {

  /** The base of every schema's {@code $id}; a name, never fetched. */
  public static final String BASE = "https://qiao.invalid/schemas/";

  private static final JsonSchemaFactory CLASSPATH = factory("classpath:contracts/schemas/");
  // Formats (uuid, date-time, date) are part of the contract, not annotations.
  private static final SchemaValidatorsConfig VALIDATION =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final ConcurrentHashMap<String, Optional<JsonSchema>> CACHE =
      new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** A schema factory that resolves {@link #BASE} to the given location (classpath: or file:). */
  public static JsonSchemaFactory factory(String schemasLocation) {
    return JsonSchemaFactory.getInstance(
        SpecVersion.VersionFlag.V202012,
        builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, schemasLocation)));
  }

  /** The schema of a type from a factory made by {@link #factory}. */
  public static JsonSchema load(JsonSchemaFactory factory, String type) {
    return factory.getSchema(SchemaLocation.of(BASE + type + ".json"), VALIDATION);
  }

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
    return CACHE.computeIfAbsent(type, EventSchemas::loadFromClasspath);
  }

  private static Optional<JsonSchema> loadFromClasspath(String type) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader.getResource("contracts/schemas/" + type + ".json") == null) {
      return Optional.empty();
    }
    JsonSchema schema = load(CLASSPATH, type);
    schema.initializeValidators(); // resolve every $ref now, not on the first event
    return Optional.of(schema);
  }
}
