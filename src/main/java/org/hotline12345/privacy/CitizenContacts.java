package org.hotline12345.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The citizens' personal data, one row per work order, in table {@code citizen_contact}: written in
 * the transaction that starts the order, read by the steps that need the values themselves
 * (registration checks, repeat requests, the special-service list, SMS to the citizen, the forms of
 * those who contact the citizen). Every showing to a person is recorded in {@code
 * personal_data_access}.
 */
@Service
public class CitizenContacts {

  /** A citizen's contact data as registered; any part may be missing (anonymous callers). */
  public record Contact(String phone, String callerName, String idNumber, String address) {

    static Contact of(Map<String, String> values) {
      return new Contact(
          values.get(Vars.PHONE),
          values.get(Vars.CALLER_NAME),
          values.get(Vars.ID_NUMBER),
          values.get(Vars.ADDRESS));
    }

    /** The values by process variable name, without the missing ones. */
    public Map<String, String> asVariables() {
      Map<String, String> values = new LinkedHashMap<>();
      putIfPresent(values, Vars.PHONE, phone);
      putIfPresent(values, Vars.CALLER_NAME, callerName);
      putIfPresent(values, Vars.ID_NUMBER, idNumber);
      putIfPresent(values, Vars.ADDRESS, address);
      return values;
    }

    private static void putIfPresent(Map<String, String> values, String name, String value) {
      if (value != null) {
        values.put(name, value);
      }
    }
  }

  /** One showing of an order's personal data to a person. */
  public record Access(Instant accessedAt, String userId, String taskId, List<String> fields) {}

  private final JdbcTemplate jdbc;

  public CitizenContacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String processInstanceId, Contact contact) {
    jdbc.update(
        "INSERT INTO citizen_contact (process_instance_id, phone, caller_name, id_number, address, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        processInstanceId,
        contact.phone(),
        contact.callerName(),
        contact.idNumber(),
        contact.address(),
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /** The contact registered with the order that process instance is, if any. */
  public Optional<Contact> of(String processInstanceId) {
    return jdbc
        .query(
            "SELECT phone, caller_name, id_number, address FROM citizen_contact WHERE process_instance_id = ?",
            (row, i) ->
                new Contact(
                    row.getString("phone"),
                    row.getString("caller_name"),
                    row.getString("id_number"),
                    row.getString("address")),
            processInstanceId)
        .stream()
        .findFirst();
  }

  /** Notes the order's number beside its contact, once registration gave it one. */
  public void numbered(String processInstanceId, String workOrderNumber) {
    jdbc.update(
        "UPDATE citizen_contact SET work_order_number = ? WHERE process_instance_id = ?",
        workOrderNumber,
        processInstanceId);
  }

  /** The process instances of every order registered from this phone, newest first. */
  public List<String> ordersFrom(String phone) {
    return jdbc.queryForList(
        "SELECT process_instance_id FROM citizen_contact WHERE phone = ? ORDER BY recorded_at DESC",
        String.class,
        phone);
  }

  /** Every showing of the order's personal data, oldest first. */
  public List<Access> accessesOf(String workOrderNumber) {
    return jdbc.query(
        "SELECT a.accessed_at, a.user_id, a.task_id, a.fields FROM personal_data_access a"
            + " JOIN citizen_contact c ON c.process_instance_id = a.process_instance_id"
            + " WHERE c.work_order_number = ? ORDER BY a.accessed_at, a.id",
        (row, i) ->
            new Access(
                row.getTimestamp("accessed_at").toInstant(),
                row.getString("user_id"),
                row.getString("task_id"),
                List.of(row.getString("fields").split(","))),
        workOrderNumber);
  }

  /** Records that {@code userId} was shown these fields of the order in full (谁使用、谁负责). */
  void shown(String userId, String processInstanceId, String taskId, List<String> fields) {
    jdbc.update(
        "INSERT INTO personal_data_access (id, accessed_at, user_id, process_instance_id, task_id, fields)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        new Timestamp(ClockUtil.getCurrentTime().getTime()),
        userId,
        processInstanceId,
        taskId,
        String.join(",", fields));
  }
}
