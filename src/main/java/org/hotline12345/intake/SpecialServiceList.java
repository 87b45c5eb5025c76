package org.hotline12345.intake;

import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The special-service list (特服名单): phone numbers of callers served first, such as registered
 * disabled persons (seed 002). Data an administrator maintains, not code.
 */
@Service
public class SpecialServiceList {

  /** An entry: the phone number and why the caller is on the list. */
  public record Entry(String phone, String reason, String addedBy) {}

  private final JdbcTemplate jdbc;

  public SpecialServiceList(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean contains(String phone) {
    return phone != null
        && jdbc.queryForObject(
                "SELECT COUNT(*) FROM special_service_caller WHERE phone = ?", Integer.class, phone)
            > 0;
  }

  /** Adds the number; false if it was on the list already. */
  public boolean add(String phone, String reason, String addedBy) {
    try {
      jdbc.update(
          "INSERT INTO special_service_caller (phone, reason, added_at, added_by) VALUES (?, ?, ?, ?)",
          phone,
          reason,
          new Timestamp(ClockUtil.getCurrentTime().getTime()),
          addedBy);
      return true;
    } catch (DuplicateKeyException alreadyListed) {
      return false;
    }
  }

  public boolean remove(String phone) {
    return jdbc.update("DELETE FROM special_service_caller WHERE phone = ?", phone) == 1;
  }

  public List<Entry> all() {
    return jdbc.query(
        "SELECT phone, reason, added_by FROM special_service_caller ORDER BY phone",
        (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
  }
}
