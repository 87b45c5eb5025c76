package org.hotline12345.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a database's {@code public} schema as the catalog describes them: each table's
 * primary key, and an order in which a table comes after every table its foreign keys point to.
 */
record Schema(Map<String, List<String>> primaryKeys, List<String> parentsFirst) {

  static Schema read(Connection connection) throws SQLException {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    try (Statement sql = connection.createStatement()) {
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT c.relname, a.attname FROM pg_class c"
                  + " JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary"
                  + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n) ON true"
                  + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                  + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                  + " ORDER BY c.relname, k.n")) {
        while (rs.next()) {
          keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                  + " AND relkind = 'r' ORDER BY relname")) {
        while (rs.next()) {
          if (!keys.containsKey(rs.getString(1))) {
            throw new IllegalStateException(
                "table "
                    + rs.getString(1)
                    + " has no primary key: its copies cannot be told apart");
          }
        }
      }
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
                  + " WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace")) {
        while (rs.next()) {
          parents.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (String table : keys.keySet()) {
      place(table, parents, placed, order, new HashSet<>());
    }
    return new Schema(keys, List.copyOf(order));
  }

  private static void place(
      String table,
      Map<String, Set<String>> parents,
      Set<String> placed,
      List<String> order,
      Set<String> visiting) {
    if (placed.contains(table) || !visiting.add(table)) {
      return;
    }
    for (String parent : parents.getOrDefault(table, Set.of())) {
      if (!parent.equals(table)) {
        place(parent, parents, placed, order, visiting);
      }
    }
    placed.add(table);
    order.add(table);
  }

  /** The SQL expression of a row's key, the primary key's columns as text, tab-separated. */
  String keyExpression(String table) {
    return "concat_ws(E'\\t', "
        + String.join(", ", primaryKeys.get(table).stream().map(c -> c + "::text").toList())
        + ")";
  }
}
