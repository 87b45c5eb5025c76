package org.hotline12345.knowledge;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The articles table and its version history (Flyway V4). Every write also copies the new state
 * into {@code knowledge_article_version}, so auditors can read each version with who wrote it.
 */
@Repository
class Articles {

  private static final String COLUMNS =
      "id, question, answer, category, unit, keywords, effective_from, status, sample, version,"
          + " changed_by, changed_at";
  private static final String KEYWORD_SEPARATOR = ",";

  private final JdbcTemplate jdbc;

  Articles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ArticleInput in, ArticleStatus status, boolean sample, String by, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO knowledge_article (question, answer, category, unit, keywords,"
                      + " effective_from, status, sample, version, changed_by, changed_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, in.question());
          insert.setString(2, in.answer());
          insert.setString(3, in.category());
          insert.setString(4, in.unit());
          insert.setString(5, joinKeywords(in.keywords()));
          insert.setDate(6, in.effectiveFrom() == null ? null : Date.valueOf(in.effectiveFrom()));
          insert.setString(7, status.name());
          insert.setBoolean(8, sample);
          insert.setString(9, by);
          insert.setTimestamp(10, Timestamp.from(at));
          return insert;
        },
        key);
    long id = key.getKey().longValue();
    recordVersion(id);
    return id;
  }

  /** Overwrites the article's content and status; returns false if there is no such article. */
  boolean update(long id, ArticleInput in, ArticleStatus status, String by, Instant at) {
    int updated =
        jdbc.update(
            "UPDATE knowledge_article SET question = ?, answer = ?, category = ?, unit = ?,"
                + " keywords = ?, effective_from = ?, status = ?, version = version + 1,"
                + " changed_by = ?, changed_at = ?, recorded_at = CURRENT_TIMESTAMP WHERE id = ?",
            in.question(),
            in.answer(),
            in.category(),
            in.unit(),
            joinKeywords(in.keywords()),
            in.effectiveFrom() == null ? null : Date.valueOf(in.effectiveFrom()),
            status.name(),
            by,
            Timestamp.from(at),
            id);
    if (updated == 1) {
      recordVersion(id);
    }
    return updated == 1;
  }

  Optional<Article> find(long id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM knowledge_article WHERE id = ?", Articles::map, id)
        .stream()
        .findFirst();
  }

  /** Articles by status and category (either may be null for all), newest change first. */
  List<Article> list(ArticleStatus status, String category, int limit) {
    // Conditions are added only for given values: PostgreSQL cannot type "? IS NULL" with a null.
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM knowledge_article WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    if (category != null) {
      sql.append(" AND category = ?");
      args.add(category);
    }
    sql.append(" ORDER BY changed_at DESC, id DESC FETCH FIRST ")
        .append(limit)
        .append(" ROWS ONLY");
    return jdbc.query(sql.toString(), Articles::map, args.toArray());
  }

  /** Every version of the article, oldest first. */
  List<Article> versions(long id) {
    return jdbc.query(
        "SELECT article_id AS id, question, answer, category, unit, keywords, effective_from,"
            + " status, sample, version, changed_by, changed_at FROM knowledge_article_version"
            + " WHERE article_id = ? ORDER BY version",
        Articles::map,
        id);
  }

  long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article", Long.class);
  }

  /** Streams every published article to {@code each}, without holding them all in memory. */
  void forEachPublished(Consumer<Article> each) {
    jdbc.query(
        connection -> {
          PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM knowledge_article WHERE status = 'PUBLISHED'",
                  ResultSet.TYPE_FORWARD_ONLY,
                  ResultSet.CONCUR_READ_ONLY);
          select.setFetchSize(1000);
          return select;
        },
        rs -> {
          each.accept(map(rs, 0));
        });
  }

  /** The database's time now: the clock {@link #changedSince} compares with. */
  OffsetDateTime databaseTime() {
    return jdbc.queryForObject(
        "SELECT CURRENT_TIMESTAMP", (rs, row) -> rs.getObject(1, OffsetDateTime.class));
  }

  /** Every article (any status) whose row changed at or after {@code since}, database time. */
  List<Article> changedSince(OffsetDateTime since) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM knowledge_article WHERE recorded_at >= ?",
        Articles::map,
        since);
  }

  private void recordVersion(long id) {
    jdbc.update(
        "INSERT INTO knowledge_article_version (article_id, version, question, answer, category,"
            + " unit, keywords, effective_from, status, sample, changed_by, changed_at)"
            + " SELECT id, version, question, answer, category, unit, keywords, effective_from,"
            + " status, sample, changed_by, changed_at FROM knowledge_article WHERE id = ?",
        id);
  }

  static String joinKeywords(List<String> keywords) {
    return keywords == null ? "" : String.join(KEYWORD_SEPARATOR, keywords);
  }

  private static Article map(ResultSet rs, int row) throws SQLException {
    String keywords = rs.getString("keywords");
    Date effectiveFrom = rs.getDate("effective_from");
    return new Article(
        rs.getLong("id"),
        rs.getString("question"),
        rs.getString("answer"),
        rs.getString("category"),
        rs.getString("unit"),
        keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(KEYWORD_SEPARATOR)),
        effectiveFrom == null ? null : effectiveFrom.toLocalDate(),
        ArticleStatus.valueOf(rs.getString("status")),
        rs.getBoolean("sample"),
        rs.getInt("version"),
        rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toInstant());
  }
}
