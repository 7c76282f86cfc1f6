package org.qiao.curriculum;

import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.LayeringRules;

class ArchitectureTest {
  @Test
  void layersAndServiceBoundariesHold() {
    LayeringRules.assertHold("org.qiao.curriculum");
  }
}
