package org.hotline12345.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The server counts a form's lengths as the browser's form does (UTF-16 units: an emoji is 2), no
 * text field lets through more than a process variable holds, and broken text is refused by field.
 */
class FormSchemaTests {

  private static final FormSchema NOTE =
      parse(
          """
          {"id": "note", "components": [
            {"type": "textarea", "key": "note", "label": "备注", "validate": {"maxLength": 10}},
            {"type": "textfield", "key": "free", "label": "说明"}]}
          """);

  @Test
  void anEmojiCountsTwoAsInTheBrowser() {
    assertThat(NOTE.check(Map.of("note", "😀".repeat(5)))).isEmpty();

    List<FieldViolation> tooLong = NOTE.check(Map.of("note", "😀".repeat(5) + "好"));

    assertThat(tooLong).extracting(FieldViolation::field).containsExactly("note");
    assertThat(tooLong.get(0).message()).contains("不能超过 10 个字符", "现有 11 个", "UTF-16");
  }

  @Test
  void aFieldWithoutALimitStillFitsAProcessVariable() {
    assertThat(NOTE.check(Map.of("free", "长".repeat(Characters.PROCESS_VARIABLE_MAX)))).isEmpty();

    assertThat(NOTE.check(Map.of("free", "长".repeat(Characters.PROCESS_VARIABLE_MAX + 1))))
        .extracting(FieldViolation::field)
        .containsExactly("free");
  }

  @Test
  void controlCharactersAndBrokenUnicodeAreRefusedByField() {
    for (String broken : List.of("a\u0000b", "a\ud800b", "a\udc00b", "a\uFFFDb", "a\u001bb")) {
      assertThat(NOTE.check(Map.of("note", broken)))
          .as("%s", broken.codePoints().mapToObj(Integer::toHexString).toList())
          .extracting(FieldViolation::field)
          .containsExactly("note");
    }
    assertThat(NOTE.check(Map.of("note", "一行\n二行\t😀"))).isEmpty();
  }

  @Test
  void noDeployedFormOffersMoreThanAProcessVariableHolds() throws IOException {
    Resource[] forms =
        new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    assertThat(forms).isNotEmpty();
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        for (FormSchema.Field field : FormSchema.parse(in).fields()) {
          if (field.maxLength() != null) {
            assertThat(field.maxLength())
                .as("%s: %s", form.getFilename(), field.key())
                .isLessThanOrEqualTo(Characters.PROCESS_VARIABLE_MAX);
          }
        }
      }
    }
  }

  private static FormSchema parse(String json) {
    return FormSchema.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
