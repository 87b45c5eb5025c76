package org.hotline12345.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser gets from the running application: each webapp's config.js offers Chinese and
 * English with Chinese as the fallback (so a browser in zh-CN, or in any language but English,
 * shows Chinese), and the Chinese and English locale files are served and parse.
 */
@HotlineSpringTest
class ChineseWebappsTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOCALES =
      Pattern.compile(
          "locales\\s*:\\s*\\{\\s*availableLocales\\s*:\\s*\\[([^\\]]*)]\\s*,"
              + "\\s*fallbackLocale\\s*:\\s*'([^']*)'");

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersChineseAndEnglishWithChineseAsFallback(String app) throws Exception {
    HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");

    assertThat(config.statusCode()).isEqualTo(200);
    String code = withoutComments(config.body());
    Matcher locales = LOCALES.matcher(code);
    assertThat(locales.find()).as("%s config.js sets locales:%n%s", app, code).isTrue();
    List<String> available =
        Pattern.compile("'([^']*)'")
            .matcher(locales.group(1))
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(available).containsExactly("zh", "en");
    assertThat(locales.group(2)).isEqualTo("zh");
    assertThat(code).as("the rest of Camunda's config.js is kept").contains("export default {");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseAndEnglishLocalesAreServed(String app) throws Exception {
    JsonNode chinese = json(get("/camunda/app/" + app + "/locales/zh.json"));
    JsonNode english = json(get("/camunda/app/" + app + "/locales/en.json"));

    assertThat(chinese.path("labels").size()).isEqualTo(english.path("labels").size());
    assertThat(chinese.path("labels").path("CANCEL").asText()).isEqualTo("取消");
    assertThat(english.path("labels").path("CANCEL").asText()).isEqualTo("Cancel");
  }

  @ParameterizedTest
  @CsvSource({"tasklist, 任务列表, TASKLIST", "cockpit, 流程监控, COCKPIT", "admin, 系统管理, ADMIN"})
  void appNamesReadInChinese(String app, String name, String label) throws Exception {
    String config = withoutComments(get("/camunda/app/" + app + "/scripts/config.js").body());
    JsonNode welcome = json(get("/camunda/app/welcome/locales/zh.json")).path("labels");

    assertThat(config).as("header and page title of %s", app).contains("name: '" + name + "'");
    assertThat(welcome.path(label).asText()).as("the welcome page's link").isEqualTo(name);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
    String body = response.body();
    return JSON.readTree(body.startsWith("\uFEFF") ? body.substring(1) : body);
  }

  private static String withoutComments(String js) {
    return js.replaceAll("(?s)/\\*.*?\\*/", "")
        .lines()
        .filter(line -> !line.strip().startsWith("//"))
        .collect(Collectors.joining("\n"));
  }
}
