package org.qiao.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.problem.ProblemException;

class UploadSlotsTest {

  private final UploadSlots slots = new UploadSlots(3, 2, Duration.ofMillis(1500));

  @Test
  void anOrganisationBeyondItsBoundIsToldToComeBack() {
    slots.acquire("a");
    slots.acquire("a");
    ProblemException refused = assertThrows(ProblemException.class, () -> slots.acquire("a"));
    assertEquals(429, refused.status());
    assertEquals(Map.of("Retry-After", "2"), refused.headers(), "seconds, rounded up");
    assertEquals(2, slots.inUse());
  }

  @Test
  void theServiceBeyondItsBoundIsUnavailableToEveryone() {
    slots.acquire("a");
    slots.acquire("b");
    slots.acquire("c");
    ProblemException refused = assertThrows(ProblemException.class, () -> slots.acquire("d"));
    assertEquals(503, refused.status());
    assertEquals("2", refused.headers().get("Retry-After"));
  }

  @Test
  void aSlotFreedOnceOrTwiceIsFreedOnce() {
    UploadSlots.Slot first = slots.acquire("a");
    UploadSlots.Slot second = slots.acquire("a");
    first.close();
    first.close();
    assertEquals(1, slots.inUse());
    slots.acquire("a");
    assertThrows(ProblemException.class, () -> slots.acquire("a"));
    second.close();
    slots.acquire("a");
    assertEquals(2, slots.inUse());
  }
}
