package org.hotline12345;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules depend on each other only through their public types, and without cycles. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(HotlineApplication.class);

  @Test
  void modulesHaveVisibleBoundariesAndNoCycles() {
    modules.verify();
  }
}
