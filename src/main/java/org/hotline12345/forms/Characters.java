package org.hotline12345.forms;

import java.util.Optional;

/**
 * The one definition of "characters" behind every length limit of the hotline, and the text it
 * refuses outright. A length is counted in UTF-16 code units: what the browser's form counts
 * (form-js {@code maxLength} is JavaScript's string length), what H2's {@code VARCHAR} and Java's
 * {@code String.length()} count. A Chinese character counts 1, an emoji or a rare CJK character
 * (outside the Basic Multilingual Plane) counts 2. PostgreSQL counts code points, never more, so a
 * value within a limit fits its column on both databases.
 */
public final class Characters {

  /**
   * The longest text a process variable holds: the engine's {@code TEXT_} column is {@code
   * VARCHAR(4000)} on H2 and PostgreSQL.
   */
  public static final int PROCESS_VARIABLE_MAX = 4000;

  private Characters() {}

  /** The length of {@code text} as every limit counts it. */
  public static int count(String text) {
    return text.length();
  }

  /** Whether {@code text} is longer than {@code max} characters. */
  public static boolean exceeds(String text, int max) {
    return count(text) > max;
  }

  /** The message for a text over its limit, saying how characters are counted. */
  public static String tooLong(String what, int max, String text) {
    return what + "不能超过 " + max + " 个字符（现有 " + count(text) + " 个；按 UTF-16 编码单元计，表情符号和部分生僻字每个计 2 个）";
  }

  /**
   * At most {@code max} characters of {@code text}, never cutting an emoji (a surrogate pair) in
   * half.
   */
  public static String truncate(String text, int max) {
    if (count(text) <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /**
   * Why the hotline does not accept {@code text}, if it does not: a control character other than
   * tab and line breaks (a NUL byte breaks PostgreSQL and hides text in logs), half of a surrogate
   * pair (not Unicode at all), or U+FFFD, which the request's decoding puts where bytes were not
   * UTF-8 (such as the overlong {@code C0 AF} for "/").
   */
  public static Optional<String> problemOf(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("含有不成对的代理项 " + codeOf(c) + "，不是合法的 Unicode 文本");
      } else if (c == '\uFFFD') {
        return Optional.of("含有无法解码的字节（U+FFFD），请求须为合法的 UTF-8");
      } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of("含有控制字符 " + codeOf(c));
      }
    }
    return Optional.empty();
  }

  private static String codeOf(char c) {
    return String.format("U+%04X", (int) c);
  }
}
