package org.hotline12345;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real HTTP calls to the application under test, with JSON bodies, for API tests. */
public final class ApiClient {

  /**
   * An answer: its status, its Location header (if any), its JSON body (missing node if none) and
   * its Content-Type and its body as text.
   */
  public record Answer(
      int status, String location, JsonNode json, String contentType, String body) {}

  /** One part of a {@code multipart/form-data} request: a form field, or a file with its type. */
  public record Part(String name, String filename, String contentType, byte[] content) {

    public static Part field(String name, String value) {
      return new Part(
          name, null, "text/plain; charset=UTF-8", value.getBytes(StandardCharsets.UTF_8));
    }

    public static Part file(String name, String filename, String contentType, byte[] content) {
      return new Part(name, filename, contentType, content);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Map<String, String> headers;
  private final Duration timeout;

  /** Without credentials. */
  public ApiClient(int port) {
    this("http://127.0.0.1:" + port, Map.of());
  }

  private ApiClient(int port, String headerName, String headerValue) {
    this("http://127.0.0.1:" + port, Map.of(headerName, headerValue));
  }

  private ApiClient(String base, Map<String, String> headers) {
    this(base, headers, null);
  }

  private ApiClient(String base, Map<String, String> headers, Duration timeout) {
    this.base = base;
    this.headers = headers;
    this.timeout = timeout;
  }

  /**
   * The same client, sending one more header with every request ({@code Accept} replaces the
   * default {@code application/json}).
   */
  public ApiClient with(String header, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new ApiClient(base, Map.copyOf(more), timeout);
  }

  /**
   * The same client, giving up on a request that has no answer after {@code limit} (an {@link
   * UncheckedIOException}); without it a request waits as long as the server takes.
   */
  public ApiClient timeout(Duration limit) {
    return new ApiClient(base, headers, limit);
  }

  /** As a demo user (every demo password is {@code demo}), with HTTP Basic. */
  public static ApiClient as(int port, String user) {
    return as(port, user, "demo");
  }

  public static ApiClient as(int port, String user, String password) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient(port, "Authorization", "Basic " + basic);
  }

  /** As an outside channel, with its API key. */
  public static ApiClient withKey(int port, String key) {
    return new ApiClient(port, "X-Api-Key", key);
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A GET accepting another type than JSON, such as a file's content. */
  public Answer get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), accept);
  }

  public Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Posts {@code body} byte for byte as JSON, as a client that does not encode it properly. */
  public Answer post(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A {@code multipart/form-data} POST, as a browser uploads files. */
  public Answer postMultipart(String path, List<Part> parts) {
    String boundary = "----hotline" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      String disposition =
          "form-data; name=\""
              + part.name()
              + "\""
              + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"");
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: "
                  + disposition
                  + "\r\nContent-Type: "
                  + part.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public Answer post(String path, Object body) {
    try {
      return post(path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A multipart form as Camunda Modeler posts a deployment: the text fields, then each file (name
   * to content) as a part of that name.
   */
  public Answer postMultipart(String path, Map<String, String> fields, Map<String, String> files) {
    List<Part> parts = new ArrayList<>();
    fields.forEach((name, value) -> parts.add(Part.field(name, value)));
    files.forEach(
        (name, content) ->
            parts.add(
                Part.file(
                    name,
                    name,
                    "application/octet-stream",
                    content.getBytes(StandardCharsets.UTF_8))));
    return postMultipart(path, parts);
  }

  private Answer send(HttpRequest.Builder request) {
    return send(request, "application/json");
  }

  private Answer send(HttpRequest.Builder request, String accept) {
    try {
      headers.forEach(request::header);
      if (!headers.containsKey("Accept")) {
        request.header("Accept", accept);
      }
      if (timeout != null) {
        request.timeout(timeout);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String body = response.body();
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json =
          contentType.contains("json") && !body.isBlank()
              ? JSON.readTree(body)
              : JSON.missingNode();
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Location").orElse(null),
          json,
          contentType,
          body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
