package org.hotline12345.privacy;

import java.util.Map;
import java.util.Set;
import org.hotline12345.workorder.WorkOrderProcess.Vars;

/**
 * The citizen's personal data and its masked form (seed 001: 依法依规严格保护个人隐私，谁管理、谁使用、谁负责). The engine
 * only ever holds the masked form ({@code 13800138000} → {@code 138****8000}, {@code 张三} → {@code
 * 张*}, an ID number keeps its first 6 and last 4 characters, an address its first third); the
 * values themselves are kept in {@link CitizenContacts}.
 */
public final class PersonalData {

  /** Process variables that hold personal data. */
  public static final Set<String> VARIABLES =
      Set.of(Vars.PHONE, Vars.CALLER_NAME, Vars.ID_NUMBER, Vars.ADDRESS);

  /**
   * The longest value each may have, in UTF-16 code units (as the forms count): longer values are
   * refused before they are stored.
   */
  static final Map<String, Integer> MAX_LENGTH =
      Map.of(Vars.PHONE, 20, Vars.CALLER_NAME, 50, Vars.ID_NUMBER, 18, Vars.ADDRESS, 200);

  private PersonalData() {}

  /**
   * The masked form of a personal-data variable's value; masking a masked value changes nothing.
   */
  public static Object mask(String variable, Object value) {
    if (!(value instanceof String text) || text.isEmpty()) {
      return value;
    }
    return switch (variable) {
      case Vars.CALLER_NAME -> maskName(text);
      case Vars.ID_NUMBER -> keep(text, 6, 4);
      case Vars.ADDRESS -> maskAddress(text);
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

  /** Keeps the first third (the street, not the door): {@code 中七路28号3单元} → {@code 中七路*******}. */
  public static String maskAddress(String address) {
    int length = address.codePointCount(0, address.length());
    int kept = address.offsetByCodePoints(0, length / 3);
    return address.substring(0, kept) + "*".repeat(length - length / 3);
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
