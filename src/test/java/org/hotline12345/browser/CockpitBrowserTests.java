package org.hotline12345.browser;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit in headless Chromium ({@code tools/browser-tests/cockpit.mjs}): auditor1 sees the
 * workOrder process and a running order whose phone is masked (138****8000); in 工单审计 finds a closed
 * order by its number (path with counts, timeline with who and when, decisions with their table's
 * version, variables in Chinese with the phone masked, nothing to edit) and in the list filtered by
 * unit and result; a unit user is refused by Cockpit, the auditor by Tasklist. Screenshots go to
 * {@code target/browser-screenshots/}.
 */
@HotlineSpringTest
class CockpitBrowserTests {

  @LocalServerPort int port;

  @BeforeEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void auditorReadsRunningAndClosedOrdersInCockpitAndUnitsAreRefused() throws Exception {
    BrowserScript.run("cockpit.mjs", port);
  }
}
