package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps keep Camunda's CSRF protection: a login without the session's token is refused. */
@HotlineSpringTest
class WebappCsrfTests {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @LocalServerPort int port;

  @Test
  void aLoginWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
    Browser forger = new Browser();
    forger.openTasklist();

    assertThat(forger.login(null).statusCode()).isEqualTo(403);
  }

  @Test
  void aLoginWithTheSessionsCsrfTokenIsAccepted() throws Exception {
    Browser browser = new Browser();
    String token = browser.openTasklist();

    assertThat(browser.login(token).statusCode()).isEqualTo(200);
  }

  /** A browser session: cookies kept between requests, as Tasklist's page has them. */
  private final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    /** Opens Tasklist and returns the CSRF token the session was given. */
    String openTasklist() throws Exception {
      http.send(
          HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow();
    }

    HttpResponse<String> login(String token) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url(LOGIN))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("username=agent1&password=demo"));
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
