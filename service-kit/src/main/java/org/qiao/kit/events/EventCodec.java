package org.qiao.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes CloudEvents. Decoding is strict about the envelope (what every consumer relies
 * on) and lenient about unknown attributes, so producers can add extensions.
 */
public final class EventCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private EventCodec() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String encode(CloudEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("CloudEvent not serialisable: " + event.type(), e);
    }
  }

  public static JsonNode toTree(Object data) {
    return MAPPER.valueToTree(data);
  }

  public static <T> T dataAs(CloudEvent event, Class<T> type) {
    try {
      return MAPPER.treeToValue(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("data does not match " + type.getSimpleName(), e);
    }
  }

  /**
   * Parses a record value into an event.
   *
   * @throws InvalidEventException when it is not JSON or lacks a required CloudEvents attribute
   */
  public static CloudEvent decode(byte[] value) {
    if (value == null) {
      throw new InvalidEventException("empty record value (tombstone)");
    }
    CloudEvent event;
    try {
      event = MAPPER.readValue(value, CloudEvent.class);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          "not a CloudEvents JSON document: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new InvalidEventException("unreadable record value: " + e.getMessage(), e);
    }
    List<String> missing = new ArrayList<>();
    if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
      missing.add("specversion (must be 1.0)");
    }
    if (blank(event.id())) missing.add("id");
    if (blank(event.source())) missing.add("source");
    if (blank(event.type())) missing.add("type");
    if (blank(event.subject())) missing.add("subject");
    if (event.data() == null || !event.data().isObject()) missing.add("data (must be an object)");
    if (!missing.isEmpty()) {
      throw new InvalidEventException(
          "invalid CloudEvent, bad or missing: " + String.join(", ", missing));
    }
    return event;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
