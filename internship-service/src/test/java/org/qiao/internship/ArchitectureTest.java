package org.qiao.internship;

import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.LayeringRules;

class ArchitectureTest {
  @Test
  void layersAndServiceBoundariesHold() {
    LayeringRules.assertHold("org.qiao.internship");
  }
}
