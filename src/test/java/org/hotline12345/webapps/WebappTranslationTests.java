package org.hotline12345.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese locale of each Camunda webapp ({@code locales/zh.json} under
 * src/main/resources/META-INF/resources/webjars/camunda/app/) against the English one that the
 * Camunda 7.24 webjar on the classpath ships: every English key has Chinese text, no key is
 * invented, nothing is left in English, and every placeholder, HTML tag and entity survives the
 * translation. After a Camunda upgrade, {@code tools/webapp-i18n/build.py} lists what is new.
 */
class WebappTranslationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar-7.24.0.jar";

  /** English texts that stay as they are in Chinese: names and formats. */
  private static final Set<String> SAME_IN_CHINESE =
      Set.of("Camunda", "Optimize", "ID", "ID*", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss");

  /** English plural suffix ("instance" + "s"); Chinese has none, so its text is empty. */
  private static final String PLURAL_SUFFIX = "s";

  /** Latin words that may stand in Chinese text: names, abbreviations, keys, literals. */
  private static final Set<String> LATIN_IN_CHINESE =
      Set.of(
          "Camunda",
          "Optimize",
          "ID",
          "CSV",
          "JSON",
          "XML",
          "BPMN",
          "DMN",
          "DRD",
          "API",
          "LDAP",
          "FNI",
          "EDE",
          "DI",
          "PI",
          "TU",
          "F5",
          "CTRL",
          "null",
          "true",
          "promise",
          "#resolve");

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{[^}]*}}" // {{name}}
              + "|\\{[^{}]*}" // {} and {0}
              + "|</?(?:a|br|strong|b|i|em|p|span|code|ul|li|div|small)\\b[^>]*>" // HTML tags
              + "|&[a-z]+;" // &lt; &gt;
              + "|%[sd]"); // moment's %s %d

  private static final Pattern DATE_PATTERN = Pattern.compile("(?i)yyyy-MM-dd(?:THH:mm:ss)?");
  private static final Pattern LATIN_WORD = Pattern.compile("#?[A-Za-z][A-Za-z0-9]*");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasChineseTextAndNoKeyIsInvented(String app) throws IOException {
    Map<String, JsonNode> english = leaves(english(app));
    Map<String, JsonNode> chinese = leaves(chinese(app));

    Set<String> untranslated = new TreeSet<>(english.keySet());
    untranslated.removeAll(chinese.keySet());
    Set<String> invented = new TreeSet<>(chinese.keySet());
    invented.removeAll(english.keySet());

    assertThat(untranslated).as("keys of the 7.24 %s en.json without Chinese text", app).isEmpty();
    assertThat(invented).as("keys of %s zh.json that en.json does not have", app).isEmpty();
    assertThat(english).as("%s en.json", app).hasSizeGreaterThan(150);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noTextIsEmptyOrLeftInEnglish(String app) throws IOException {
    JsonNode english = english(app).path("labels");
    JsonNode chinese = chinese(app).path("labels");
    List<String> wrong = new ArrayList<>();
    english
        .properties()
        .forEach(
            label -> {
              String key = label.getKey();
              String en = label.getValue().asText();
              String zh = chinese.path(key).asText(null);
              String problem = problem(en, zh);
              if (problem != null) {
                wrong.add(key + " (" + problem + "): \"" + en + "\" -> \"" + zh + "\"");
              }
            });
    assertThat(wrong).as("labels of %s zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseKeepsEveryPlaceholderTagAndEntity(String app) throws IOException {
    Map<String, JsonNode> english = leaves(english(app));
    Map<String, JsonNode> chinese = leaves(chinese(app));
    List<String> wrong = new ArrayList<>();
    english.forEach(
        (key, en) -> {
          JsonNode zh = chinese.get(key);
          if (zh != null && en.isTextual()) {
            List<String> inEnglish = placeholders(en.asText());
            List<String> inChinese = placeholders(zh.asText());
            if (!inEnglish.equals(inChinese)) {
              wrong.add(key + ": " + inEnglish + " -> " + inChinese);
            }
          }
        });
    assertThat(wrong).as("placeholders of %s zh.json that differ from en.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesReadInChinese(String app) throws IOException {
    JsonNode dates = chinese(app).path("dateLocales");
    assertThat(dates.path("months").get(0).asText()).isEqualTo("一月");
    assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("星期一");
    assertThat(dates.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
    assertThat(dates.path("calendar").path("sameDay").asText()).isEqualTo("[今天] LT");
    assertThat(dates.path("relativeTime").path("past").asText()).isEqualTo("%s前");
    assertThat(dates.path("week").path("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
  }

  @Test
  void englishComesFromTheCamundaWebjarAndIsNotOverridden() throws IOException {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      List<URL> found = Collections.list(loader().getResources(APP + app + "/locales/en.json"));
      assertThat(found).as("en.json of %s on the classpath", app).hasSize(1);
      assertThat(found.get(0).toString()).contains(WEBJAR);
      assertThat(loader().getResource(APP + app + "/locales/zh.json").toString())
          .as("zh.json of %s is ours", app)
          .doesNotContain(WEBJAR);
    }
  }

  /** Why a translation is wrong, or null if it is right. */
  static String problem(String en, String zh) {
    if (zh == null) {
      return "missing";
    }
    if (en.isEmpty()) {
      return zh.isEmpty() ? null : "English is empty";
    }
    if (en.equals(PLURAL_SUFFIX)) {
      return zh.isEmpty() ? null : "plural suffix must be empty";
    }
    if (SAME_IN_CHINESE.contains(en)) {
      return zh.equals(en) ? null : "must stay \"" + en + "\"";
    }
    String enWords = PLACEHOLDER.matcher(en).replaceAll("");
    if (!LETTER.matcher(enWords).find()) {
      return zh.isBlank() ? "empty" : null; // "<", "{{name}}": nothing to translate
    }
    if (zh.isBlank()) {
      return "empty";
    }
    if (zh.equals(en)) {
      return "still English";
    }
    String zhWords = DATE_PATTERN.matcher(PLACEHOLDER.matcher(zh).replaceAll("")).replaceAll("");
    if (!HAN.matcher(zhWords).find()) {
      return "no Chinese";
    }
    Matcher latin = LATIN_WORD.matcher(zhWords);
    while (latin.find()) {
      if (!LATIN_IN_CHINESE.contains(latin.group())) {
        return "English word \"" + latin.group() + "\"";
      }
    }
    return null;
  }

  static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  private static JsonNode english(String app) throws IOException {
    return read(APP + app + "/locales/en.json");
  }

  private static JsonNode chinese(String app) throws IOException {
    return read(APP + app + "/locales/zh.json");
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = loader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static ClassLoader loader() {
    return WebappTranslationTests.class.getClassLoader();
  }

  /** Every leaf of the JSON tree by its path: labels.SAVE, dateLocales.months[0], … */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  collect(
                      path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}
