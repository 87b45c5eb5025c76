package org.hotline12345.browser;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit in headless Chromium ({@code tools/browser-tests/cockpit.mjs}): auditor1 sees the
 * workOrder process and a running order whose phone is masked (138****8000), reads a closed order's
 * history through the history API (Cockpit Community Edition shows running instances only), and is
 * refused by Tasklist. Screenshots go to {@code target/browser-screenshots/}.
 */
@HotlineSpringTest
class CockpitBrowserTests {

  @LocalServerPort int port;

  @BeforeEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void auditorReadsOrdersInCockpitAndTheHistoryApiButIsRefusedByTasklist() throws Exception {
    BrowserScript.run("cockpit.mjs", port);
  }
}
