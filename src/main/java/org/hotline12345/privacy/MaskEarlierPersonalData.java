package org.hotline12345.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.system.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders registered before personal data was kept out of the engine still hold it in the engine's
 * tables. At every start (a no-op once done) their values are copied to {@code citizen_contact},
 * where the steps and forms now read them, and masked in place in the runtime variables, the
 * variable history and the history details.
 */
@Component
class MaskEarlierPersonalData implements StartupWork {

  private static final Logger LOG = LoggerFactory.getLogger(MaskEarlierPersonalData.class);
  private static final String NAMES = "NAME_ IN ('phone', 'callerName', 'idNumber', 'address')";
  private static final String UNMASKED = "TEXT_ IS NOT NULL AND TEXT_ NOT LIKE '%*%'";

  private final JdbcTemplate jdbc;
  private final CitizenContacts contacts;
  private final TransactionTemplate transaction;

  MaskEarlierPersonalData(
      JdbcTemplate jdbc, CitizenContacts contacts, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Like all start-up work, tried again while the database fails; the application serves no request
   * until earlier orders are masked (it fails closed).
   */
  @Override
  public void run() {
    maskAll();
  }

  void maskAll() {
    int masked =
        transaction.execute(
            status ->
                mask("ACT_RU_VARIABLE", true)
                    + mask("ACT_HI_VARINST", true)
                    + mask("ACT_HI_DETAIL", false));
    if (masked > 0) {
      LOG.warn(
          "Personal data of earlier orders moved out of the engine: {} values masked in place",
          masked);
    }
  }

  private int mask(String table, boolean keep) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT ID_, PROC_INST_ID_, NAME_, TEXT_ FROM "
                + table
                + " WHERE "
                + NAMES
                + " AND "
                + UNMASKED);
    if (keep) {
      Map<String, Map<String, String>> byOrder = new LinkedHashMap<>();
      for (Map<String, Object> row : rows) {
        if (row.get("PROC_INST_ID_") != null) {
          byOrder
              .computeIfAbsent((String) row.get("PROC_INST_ID_"), id -> new LinkedHashMap<>())
              .put((String) row.get("NAME_"), (String) row.get("TEXT_"));
        }
      }
      byOrder.forEach(
          (instance, values) -> {
            if (contacts.of(instance).isEmpty()) {
              contacts.record(instance, CitizenContacts.Contact.of(values));
            }
          });
    }
    for (Map<String, Object> row : rows) {
      jdbc.update(
          "UPDATE " + table + " SET TEXT_ = ? WHERE ID_ = ?",
          PersonalData.mask((String) row.get("NAME_"), row.get("TEXT_")),
          row.get("ID_"));
    }
    return rows.size();
  }
}
