package org.qiao.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void roundTripKeepsEveryAttribute() {
    CloudEvent event =
        CloudEvent.create("svc", "qiao.ping.sent.v1", "agg-1", EventCodec.toTree(Map.of("a", 1)));
    CloudEvent back = EventCodec.decode(EventCodec.encode(event).getBytes(StandardCharsets.UTF_8));
    assertEquals(event, back);
  }

  @Test
  void unknownEnvelopeAttributesAreIgnored() {
    String json =
        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"subject\":\"a\","
            + "\"data\":{},\"traceparent\":\"00-abc\"}";
    assertEquals("a", EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)).subject());
  }

  @Test
  void missingRequiredAttributesAreNamed() {
    String json = "{\"specversion\":\"0.3\",\"source\":\"s\",\"data\":{}}";
    InvalidEventException e =
        assertThrows(
            InvalidEventException.class,
            () -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("specversion"));
    assertTrue(e.getMessage().contains("id"));
    assertTrue(e.getMessage().contains("type"));
    assertTrue(e.getMessage().contains("subject"));
  }

  @Test
  void tombstoneIsInvalid() {
    assertThrows(InvalidEventException.class, () -> EventCodec.decode(null));
  }
}
