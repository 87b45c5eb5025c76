package org.hotline12345;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps: cookies kept, the CSRF token taken from the page.
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  public WebappSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Opens an app's page and returns the CSRF token the session was given. */
  public String open(String app) throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.discarding());
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow();
  }

  /** Logs in to {@code app}, sending {@code token} as the CSRF header unless it is null. */
  public HttpResponse<String> login(String app, String user, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A DELETE as the webapps send it, with the session's CSRF token. */
  public HttpResponse<String> delete(String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", token)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
