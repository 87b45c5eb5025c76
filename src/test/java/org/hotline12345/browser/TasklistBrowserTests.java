package org.hotline12345.browser;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in headless Chromium ({@code tools/browser-tests/tasklist.mjs}): agent1 starts a work
 * order from the start form and reads its number; heating1 does not see the water company's order;
 * water1 signs and handles it, reviewer1 cannot submit the review without its required decision and
 * then accepts, revisit1 records a satisfied citizen, and the order is closed. Screenshots go to
 * {@code target/browser-screenshots/}.
 */
@HotlineSpringTest
class TasklistBrowserTests {

  @LocalServerPort int port;

  @BeforeEach
  void realTime() {
    // Another test may have moved the engine's clock; the browser works in real time.
    ClockUtil.reset();
  }

  @Test
  void eachDemoUserWorksTheOrderInTasklistUntilItIsClosed() throws Exception {
    BrowserScript.run("tasklist.mjs", port);
  }
}
