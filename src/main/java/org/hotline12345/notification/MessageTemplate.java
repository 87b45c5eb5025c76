package org.hotline12345.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One editable message: its name (the file name, which a process step's listener names), its
 * audience, an e-mail's subject and the text, with placeholders such as {@code {workOrderNumber}}.
 *
 * <p>The file format: lines starting with {@code #} are notes for the editor; then header lines
 * {@code to: …} and, for e-mail, {@code subject: …}; a line {@code ---}; then the text as sent.
 */
record MessageTemplate(String name, Audience audience, String subject, String body) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final String SEPARATOR = "---";

  /** Parses a template file; every problem is named, with the file, in the exception. */
  static MessageTemplate parse(String name, String text, Set<String> knownPlaceholders) {
    List<String> problems = new ArrayList<>();
    String to = null;
    String subject = null;
    List<String> lines = text.replace("\r\n", "\n").lines().toList();
    int separator = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals(SEPARATOR)) {
        separator = i;
        break;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String key = colon < 0 ? line : line.substring(0, colon).strip();
      String value = colon < 0 ? "" : line.substring(colon + 1).strip();
      switch (key) {
        case "to" -> to = value;
        case "subject" -> subject = value;
        default -> problems.add("unknown header line \"" + line + "\" (expected to: or subject:)");
      }
    }
    String body =
        separator < 0 ? "" : String.join("\n", lines.subList(separator + 1, lines.size())).strip();
    if (separator < 0) {
      problems.add("no line \"---\" between the header and the text");
    } else if (body.isEmpty()) {
      problems.add("the text after \"---\" is empty");
    }
    Audience audience = null;
    if (to == null || to.isEmpty()) {
      problems.add("no \"to:\" line naming who receives the message");
    } else {
      audience = Audience.parse(to).orElse(null);
      if (audience == null) {
        problems.add(
            "\"to: "
                + to
                + "\" names no audience (citizen, unit, unitLeaders or a role such as"
                + " dispatchers, supervisors, supervisionOffice)");
      }
    }
    if (audience != null && audience.channel() == Channel.EMAIL && isBlank(subject)) {
      problems.add("an e-mail needs a \"subject:\" line");
    }
    if (audience != null && audience.channel() == Channel.SMS && subject != null) {
      problems.add("an SMS has no subject: remove the \"subject:\" line");
    }
    problems.addAll(placeholderProblems(subject, knownPlaceholders));
    problems.addAll(placeholderProblems(body, knownPlaceholders));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Notification template " + name + ": " + String.join("; ", problems));
    }
    return new MessageTemplate(name, audience, subject, body);
  }

  /** The placeholders this template uses. */
  Set<String> placeholders() {
    Set<String> used = new LinkedHashSet<>();
    for (String text : new String[] {subject, body}) {
      if (text != null) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    return used;
  }

  String renderSubject(UnaryOperator<String> values) {
    return subject == null ? null : render(subject, values);
  }

  String renderBody(UnaryOperator<String> values) {
    return render(body, values);
  }

  private static String render(String text, UnaryOperator<String> values) {
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(values.apply(m.group(1))));
  }

  private static List<String> placeholderProblems(String text, Set<String> known) {
    if (text == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!known.contains(m.group(1))) {
        problems.add("unknown placeholder {" + m.group(1) + "} (known: " + known + ")");
      }
    }
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    if (rest.contains("{") || rest.contains("}")) {
      problems.add("a brace that is not a placeholder {name}: \"" + firstBraceLine(text) + "\"");
    }
    return problems;
  }

  private static String firstBraceLine(String text) {
    return text.lines()
        .filter(l -> PLACEHOLDER.matcher(l).replaceAll("").matches(".*[{}].*"))
        .findFirst()
        .orElse(text);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
