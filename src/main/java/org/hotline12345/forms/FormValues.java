package org.hotline12345.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The items of a multiple choice (checklist, taglist) as a variable holds them: a Java list from
 * the API and tests, a JSON array from Tasklist (which submits objects as JSON variables), or the
 * comma-separated text the process keeps after it has read them.
 */
public final class FormValues {

  private FormValues() {}

  /** The items, or empty when the value is none of the three shapes (for example a number). */
  public static Optional<List<String>> items(Object value) {
    if (value == null) {
      return Optional.of(List.of());
    }
    if (value instanceof Collection<?> collection) {
      return Optional.of(collection.stream().map(String::valueOf).map(String::trim).toList());
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      List<String> items = new ArrayList<>();
      for (SpinJsonNode element : json.elements()) {
        items.add(element.isString() ? element.stringValue() : element.toString());
      }
      return Optional.of(List.copyOf(items));
    }
    if (value instanceof String text) {
      return Optional.of(
          Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
    return Optional.empty();
  }
}
