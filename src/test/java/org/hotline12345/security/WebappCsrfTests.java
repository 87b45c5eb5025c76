package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.HotlineSpringTest;
import org.hotline12345.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps keep Camunda's CSRF protection: a login without the session's token is refused. */
@HotlineSpringTest
class WebappCsrfTests {

  @LocalServerPort int port;

  @Test
  void aLoginWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
    WebappSession forger = new WebappSession(port);
    forger.open("tasklist");

    assertThat(forger.login("tasklist", "agent1", null).statusCode()).isEqualTo(403);
  }

  @Test
  void aLoginWithTheSessionsCsrfTokenIsAccepted() throws Exception {
    WebappSession browser = new WebappSession(port);
    String token = browser.open("tasklist");

    assertThat(browser.login("tasklist", "agent1", token).statusCode()).isEqualTo(200);
  }
}
