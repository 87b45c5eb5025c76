package org.hotline12345.security;

import java.util.Set;

/**
 * The citizen's personal data and how it is masked for everyone who need not contact them (seed
 * 001: 谁管理、谁使用、谁负责): {@code 13800138000} → {@code 138****8000}, {@code 张三} → {@code 张*}, an ID
 * number keeps its first 6 and last 4 characters.
 */
public final class PersonalData {

  /** Process variables that hold personal data. */
  public static final Set<String> VARIABLES = Set.of("phone", "callerName", "idNumber");

  private PersonalData() {}

  /** The masked form of a personal-data variable's value. */
  public static Object mask(String variable, Object value) {
    if (!(value instanceof String text) || text.isEmpty()) {
      return value;
    }
    return switch (variable) {
      case "callerName" -> maskName(text);
      case "idNumber" -> keep(text, 6, 4);
      default -> maskPhone(text);
    };
  }

  /** {@code 13800138000} → {@code 138****8000}; {@code 0459-4661234} → {@code 045*****1234}. */
  public static String maskPhone(String phone) {
    return phone.length() < 8 ? keep(phone, 0, Math.min(2, phone.length())) : keep(phone, 3, 4);
  }

  /** Keeps the family name (first character): {@code 张三} → {@code 张*}. */
  public static String maskName(String name) {
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first)
        + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
  }

  private static String keep(String text, int head, int tail) {
    if (text.length() <= head + tail) {
      return "*".repeat(text.length());
    }
    return text.substring(0, head)
        + "*".repeat(text.length() - head - tail)
        + text.substring(text.length() - tail);
  }
}
