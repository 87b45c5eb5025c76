package org.hotline12345.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of one Camunda Form (form-js JSON) that a server must check again: for each editable
 * field its key, label, type, whether it is required, its length limits, pattern and fixed choices.
 * Lengths count {@link Characters} as the browser's form does; no text goes beyond what a process
 * variable holds, and text the hotline refuses outright (control characters, broken Unicode) is
 * refused here too. Read-only and disabled fields only show values and are not checked.
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> INPUT_TYPES =
      List.of(
          "textfield",
          "textarea",
          "number",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "datetime");

  /** A fixed choice of a select, radio or checklist. */
  public record Option(String value, String label) {}

  /** The checks of one editable field. */
  public record Field(
      String key,
      String label,
      String type,
      boolean required,
      Integer minLength,
      Integer maxLength,
      String pattern,
      List<Option> options) {

    public boolean hasFixedOptions() {
      return !options.isEmpty();
    }
  }

  private final String id;
  private final List<Field> fields;

  private FormSchema(String id, List<Field> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
  }

  public static FormSchema parse(InputStream json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      collect(root.path("components"), fields);
      return new FormSchema(root.path("id").asText(), fields);
    } catch (IOException e) {
      throw new IllegalStateException("form is not valid JSON", e);
    }
  }

  private static void collect(JsonNode components, List<Field> into) {
    for (JsonNode c : components) {
      collect(c.path("components"), into);
      String type = c.path("type").asText();
      if (!INPUT_TYPES.contains(type) || !c.hasNonNull("key")) {
        continue;
      }
      if (c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode v = c.path("validate");
      List<Option> options = new ArrayList<>();
      for (JsonNode o : c.path("values")) {
        options.add(new Option(o.path("value").asText(), o.path("label").asText()));
      }
      into.add(
          new Field(
              c.get("key").asText(),
              c.path("label").asText(c.get("key").asText()),
              type,
              v.path("required").asBoolean(false),
              v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
              v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
              v.hasNonNull("pattern") ? v.get("pattern").asText() : null,
              options));
    }
  }

  public String id() {
    return id;
  }

  public List<Field> fields() {
    return fields;
  }

  public Optional<Field> field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The label the form shows for {@code value} of a field with fixed choices, if it offers it. */
  public Optional<String> labelOf(String key, Object value) {
    return field(key)
        .flatMap(f -> f.options().stream().filter(o -> o.value().equals(value)).findFirst())
        .map(Option::label);
  }

  /** Checks {@code values} (variable name to value) against every editable field of this form. */
  public List<FieldViolation> check(Map<String, ?> values) {
    List<FieldViolation> violations = new ArrayList<>();
    for (Field f : fields) {
      check(f, values.get(f.key()), violations);
    }
    return violations;
  }

  private static void check(Field f, Object value, List<FieldViolation> out) {
    String label = "「" + f.label() + "」";
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (f.required()) {
        out.add(new FieldViolation(f.key(), label + "为必填项"));
      }
      return;
    }
    switch (f.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          out.add(new FieldViolation(f.key(), label + "应为是或否（true/false）"));
        }
        return;
      }
      case "number" -> {
        if (!(value instanceof Number)) {
          out.add(new FieldViolation(f.key(), label + "应为数字"));
        }
        return;
      }
      case "datetime" -> {
        if (!(value instanceof java.util.Date) && !(value instanceof String)) {
          out.add(new FieldViolation(f.key(), label + "应为日期时间"));
        }
        return;
      }
      case "checklist", "taglist" -> {
        Optional<List<String>> items =
            value instanceof String ? Optional.empty() : FormValues.items(value);
        if (items.isEmpty()) {
          out.add(new FieldViolation(f.key(), label + "应为列表"));
        } else if (f.hasFixedOptions()) {
          for (String item : items.get()) {
            checkOption(f, item, label, out);
          }
        }
        return;
      }
      default -> {}
    }
    if (!(value instanceof String text)) {
      out.add(new FieldViolation(f.key(), label + "应为文本"));
      return;
    }
    Characters.problemOf(text)
        .ifPresent(problem -> out.add(new FieldViolation(f.key(), label + problem)));
    // Every value becomes a process variable: a form without a limit still has the engine's.
    int max =
        Math.min(
            f.maxLength() == null ? Characters.PROCESS_VARIABLE_MAX : f.maxLength(),
            Characters.PROCESS_VARIABLE_MAX);
    if (Characters.exceeds(text, max)) {
      out.add(new FieldViolation(f.key(), Characters.tooLong(label, max, text)));
    }
    if (f.minLength() != null && Characters.count(text) < f.minLength()) {
      out.add(new FieldViolation(f.key(), label + "不能少于 " + f.minLength() + " 个字符"));
    }
    if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(text).matches()) {
      out.add(new FieldViolation(f.key(), label + "格式不正确"));
    }
    if (f.hasFixedOptions()) {
      checkOption(f, text, label, out);
    }
  }

  private static void checkOption(Field f, String value, String label, List<FieldViolation> out) {
    if (f.options().stream().noneMatch(o -> o.value().equals(value))) {
      out.add(new FieldViolation(f.key(), label + "的取值 " + value + " 不在可选范围内"));
    }
  }
}
