package org.hotline12345.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline12345.privacy.PersonalData;

/**
 * Every row one real order left in the database, ready to be written again as a copy: with fresh
 * ids (every id the order introduced, wherever it appears, also inside other values), its own
 * work-order number and phone, and its times moved by the same amount, in PostgreSQL's COPY text
 * format.
 */
final class OrderTemplate {

  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final int NUMBER = -1;
  private static final int PHONE = -2;
  private static final int MASKED_PHONE = -3;
  private static final HexFormat HEX = HexFormat.of();

  private final String name;
  private final Progress progress;
  private final Map<String, Table> tables;
  private final List<String> ids;
  private final LocalDateTime registeredAt;
  private final String number;
  private final String phone;
  private final Pattern tokens;

  /** The rows of one table: its columns and, per row, how to write each value. */
  record Table(List<String> columns, List<Cell[]> rows) {}

  /**
   * One copy's own values: ids in the template's order, number, phone, and how far its times move.
   */
  record Copy(String[] ids, String number, String phone, long shiftMillis) {
    String maskedPhone() {
      return phone == null ? null : PersonalData.maskPhone(phone);
    }
  }

  /**
   * @param rows the order's rows per table: column names and each row's values as JDBC read them
   * @param sharedIds ids that were in the database before (deployments, definitions, groups'
   *     grants, filters): they stay as they are
   */
  OrderTemplate(
      String name,
      Progress progress,
      Map<String, Rows> rows,
      Set<String> sharedIds,
      String number,
      String phone) {
    this.name = name;
    this.progress = progress;
    this.number = number;
    this.phone = phone;
    this.tokens = tokenPattern(number, phone);
    Map<String, Integer> idIndex = new LinkedHashMap<>();
    LocalDateTime earliest = null;
    Map<String, Table> compiled = new LinkedHashMap<>();
    for (Map.Entry<String, Rows> table : rows.entrySet()) {
      Rows source = table.getValue();
      List<Cell[]> cells = new ArrayList<>();
      for (Object[] row : source.values()) {
        boolean dateVariable = isDateVariable(source, row);
        Cell[] compiledRow = new Cell[row.length];
        for (int c = 0; c < row.length; c++) {
          Object value = row[c];
          if (value instanceof LocalDateTime time
              && (earliest == null || time.isBefore(earliest))) {
            earliest = time;
          }
          compiledRow[c] =
              compile(
                  value,
                  dateVariable && "long_".equals(source.columns().get(c)),
                  sharedIds,
                  idIndex);
        }
        cells.add(compiledRow);
      }
      compiled.put(table.getKey(), new Table(source.columns(), cells));
    }
    this.tables = compiled;
    this.ids = List.copyOf(idIndex.keySet());
    this.registeredAt = earliest;
  }

  /** A table's column names and rows, values as read through JDBC. */
  record Rows(List<String> columns, List<Object[]> values) {}

  String name() {
    return name;
  }

  Progress progress() {
    return progress;
  }

  /** The ids this order introduced: each copy has as many fresh ones. */
  List<String> ids() {
    return ids;
  }

  String number() {
    return number;
  }

  /** The earliest time in the order's rows, when it was registered. */
  LocalDateTime registeredAt() {
    return registeredAt;
  }

  Map<String, Table> tables() {
    return tables;
  }

  int rowCount() {
    return tables.values().stream().mapToInt(t -> t.rows().size()).sum();
  }

  /** Appends the copy's rows of {@code table} to {@code out}, one COPY text line each. */
  void write(String table, Copy copy, StringBuilder out) {
    Table rows = tables.get(table);
    if (rows == null) {
      return;
    }
    for (Cell[] row : rows.rows()) {
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          out.append('\t');
        }
        row[c].write(copy, out);
      }
      out.append('\n');
    }
  }

  private static boolean isDateVariable(Rows rows, Object[] row) {
    int varType = rows.columns().indexOf("var_type_");
    if (varType >= 0) {
      return "date".equals(row[varType]);
    }
    int type = rows.columns().indexOf("type_");
    return type >= 0 && rows.columns().contains("long_") && "date".equals(row[type]);
  }

  private Cell compile(
      Object value, boolean dateMillis, Set<String> sharedIds, Map<String, Integer> idIndex) {
    if (value == null) {
      return new Literal("\\N");
    }
    if (value instanceof LocalDateTime time) {
      return new Time(time);
    }
    if (value instanceof LocalDate day) {
      return new Day(day);
    }
    if (dateMillis && value instanceof Long millis) {
      return new Millis(millis);
    }
    if (value instanceof byte[] bytes) {
      Parts parts = split(new String(bytes, StandardCharsets.ISO_8859_1), sharedIds, idIndex);
      return parts.tokens().length == 0
          ? new Literal("\\\\x" + HEX.formatHex(bytes))
          : new Bytes(parts);
    }
    if (value instanceof String text) {
      Parts parts = split(text, sharedIds, idIndex);
      if (parts.tokens().length == 0) {
        return new Literal(escape(text));
      }
      String[] escaped = new String[parts.literals().length];
      for (int i = 0; i < escaped.length; i++) {
        escaped[i] = escape(parts.literals()[i]);
      }
      return new Text(new Parts(escaped, parts.tokens()));
    }
    if (value instanceof Boolean flag) {
      return new Literal(flag ? "t" : "f");
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return new Literal(decimal.toPlainString());
    }
    return new Literal(escape(value.toString()));
  }

  /** The text cut around the values a copy replaces: ids new with the order, number, phone. */
  private Parts split(String text, Set<String> sharedIds, Map<String, Integer> idIndex) {
    List<String> literals = new ArrayList<>();
    List<Integer> found = new ArrayList<>();
    Matcher matcher = tokens.matcher(text);
    int from = 0;
    while (matcher.find()) {
      String value = matcher.group();
      int token;
      if (value.equals(number)) {
        token = NUMBER;
      } else if (value.equals(phone)) {
        token = PHONE;
      } else if (phone != null && value.equals(PersonalData.maskPhone(phone))) {
        token = MASKED_PHONE;
      } else if (sharedIds.contains(value)) {
        continue;
      } else {
        token = idIndex.computeIfAbsent(value, id -> idIndex.size());
      }
      literals.add(text.substring(from, matcher.start()));
      found.add(token);
      from = matcher.end();
    }
    literals.add(text.substring(from));
    return new Parts(
        literals.toArray(String[]::new), found.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Ids, and the order's number, phone and masked phone where it has them. */
  private static Pattern tokenPattern(String number, String phone) {
    StringBuilder pattern = new StringBuilder(UUID.pattern());
    List<String> literals = new ArrayList<>();
    if (number != null) {
      literals.add(number);
    }
    if (phone != null) {
      literals.add(phone);
      literals.add(PersonalData.maskPhone(phone));
    }
    for (String literal : literals) {
      pattern.append('|').append(Pattern.quote(literal));
    }
    return Pattern.compile(pattern.toString());
  }

  /** COPY's text format: backslash, tab and line breaks escaped. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String token(int token, Copy copy) {
    return switch (token) {
      case NUMBER -> copy.number();
      case PHONE -> copy.phone();
      case MASKED_PHONE -> copy.maskedPhone();
      default -> copy.ids()[token];
    };
  }

  /** Literal pieces with a token between each two. */
  private record Parts(String[] literals, int[] tokens) {}

  /** How one value of a copy is written. */
  private interface Cell {
    void write(Copy copy, StringBuilder out);
  }

  private record Literal(String text) implements Cell {
    @Override
    public void write(Copy copy, StringBuilder out) {
      out.append(text);
    }
  }

  /** Text with tokens; its literal pieces are already escaped (tokens never need it). */
  private record Text(Parts parts) implements Cell {
    @Override
    public void write(Copy copy, StringBuilder out) {
      for (int i = 0; i < parts.tokens().length; i++) {
        out.append(parts.literals()[i]).append(token(parts.tokens()[i], copy));
      }
      out.append(parts.literals()[parts.tokens().length]);
    }
  }

  /**
   * Binary content (a serialized variable) with tokens, its bytes read one char per byte; a copy's
   * token has as many characters as the template's, so lengths inside the bytes stay right.
   */
  private record Bytes(Parts parts) implements Cell {
    @Override
    public void write(Copy copy, StringBuilder out) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < parts.tokens().length; i++) {
        text.append(parts.literals()[i]).append(token(parts.tokens()[i], copy));
      }
      text.append(parts.literals()[parts.tokens().length]);
      out.append("\\\\x")
          .append(HEX.formatHex(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }
  }

  private record Time(LocalDateTime time) implements Cell {
    @Override
    public void write(Copy copy, StringBuilder out) {
      out.append(time.plus(copy.shiftMillis(), ChronoUnit.MILLIS));
    }
  }

  private record Day(LocalDate day) implements Cell {
    @Override
    public void write(Copy copy, StringBuilder out) {
      out.append(day.plusDays(Math.floorDiv(copy.shiftMillis(), 86_400_000L)));
    }
  }

  private record Millis(long millis) implements Cell {
    @Override
    public void write(Copy copy, StringBuilder out) {
      out.append(millis + copy.shiftMillis());
    }
  }
}
