package org.hotline12345.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.hotline12345.WebappSession;
import org.hotline12345.organisation.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizen's name, phone and address never enter the engine: every engine resource, search and
 * history table holds them masked, for every role and whatever the request looks like; the unit and
 * the agents who contact the citizen see them in full in their task's form, and each such showing
 * is recorded.
 */
@HotlineSpringTest
class PersonalDataTests {

  static final String NAME = "李秀英";
  static final String ADDRESS = "中七路28号3单元501室";
  static final List<String> MASKED_ROLES =
      List.of("reviewer1", "supervisor1", "auditor1", "dispatcher1", "owner1", "office1");
  static final List<String> EVERY_ROLE =
      List.of(
          "water1",
          "agent1",
          "revisit1",
          "demo",
          "reviewer1",
          "supervisor1",
          "auditor1",
          "dispatcher1",
          "owner1",
          "office1");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired MaskEarlierPersonalData earlier;
  @Autowired CitizenContacts contacts;
  String instance;
  String number;
  String phone;
  String masked;
  Task signing;

  @BeforeEach
  void anOrderFromLiXiuying() {
    Map<String, Object> call = IntakeRequests.phoneCall("HELP", "WATER_SUPPLY");
    call.put("callerName", NAME);
    call.put("address", ADDRESS);
    phone = (String) call.get("phone");
    masked = PersonalData.maskPhone(phone);
    number =
        ApiClient.as(port, "agent1").post("/api/work-orders", call).json().path("number").asText();
    signing =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskCandidateGroup(Units.WATER)
            .singleResult();
    instance = signing.getProcessInstanceId();
  }

  @Test
  void masksPhonesNamesIdNumbersAndAddresses() {
    assertThat(PersonalData.maskPhone("13800138000")).isEqualTo("138****8000");
    assertThat(PersonalData.maskPhone("0459-4661234")).isEqualTo("045*****1234");
    assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
    assertThat(PersonalData.maskName("欧阳娜娜")).isEqualTo("欧***");
    assertThat(PersonalData.mask("idNumber", "230602199001011234")).isEqualTo("230602********1234");
    assertThat(PersonalData.maskAddress(ADDRESS)).isEqualTo("中七路2*********");
    for (String name : PersonalData.VARIABLES) {
      Object once = PersonalData.mask(name, "13987654321");
      assertThat(PersonalData.mask(name, once)).as(name + " masked twice").isEqualTo(once);
    }
  }

  @Test
  void noEngineTableHoldsTheCitizensData() throws Exception {
    List<String> found = new ArrayList<>();
    for (String[] column : engineTextColumns()) {
      for (String secret : List.of(phone, NAME, ADDRESS)) {
        Integer rows =
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + column[0] + " WHERE " + column[1] + " LIKE ?",
                Integer.class,
                "%" + secret + "%");
        if (rows > 0) {
          found.add(column[0] + "." + column[1] + " holds " + secret);
        }
      }
    }
    assertThat(found).isEmpty();
    assertThat(
            jdbc.queryForMap(
                "SELECT phone, caller_name, address FROM citizen_contact WHERE process_instance_id = ?",
                instance))
        .containsValues(phone, NAME, ADDRESS);
  }

  @Test
  void ordersRegisteredBeforeThisChangeAreMaskedInPlaceAndKeepTheirContact() {
    // As an order registered by the earlier version left it: values in the engine, no contact row.
    jdbc.update("DELETE FROM citizen_contact WHERE process_instance_id = ?", instance);
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      jdbc.update(
          "UPDATE " + table + " SET TEXT_ = ? WHERE PROC_INST_ID_ = ? AND NAME_ = 'phone'",
          phone,
          instance);
      jdbc.update(
          "UPDATE " + table + " SET TEXT_ = ? WHERE PROC_INST_ID_ = ? AND NAME_ = 'callerName'",
          NAME,
          instance);
    }

    earlier.maskAll();

    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(
              jdbc.queryForList(
                  "SELECT TEXT_ FROM "
                      + table
                      + " WHERE PROC_INST_ID_ = ? AND NAME_ IN ('phone', 'callerName')",
                  String.class,
                  instance))
          .as(table)
          .isNotEmpty()
          .containsOnly(masked, "李**");
    }
    assertThat(contacts.of(instance))
        .hasValueSatisfying(
            contact -> {
              assertThat(contact.phone()).isEqualTo(phone);
              assertThat(contact.callerName()).isEqualTo(NAME);
            });
  }

  @Test
  void aMalformedBasicHeaderNeverShowsMore() throws Exception {
    String basic =
        Base64.getEncoder().encodeToString("auditor1:demo".getBytes(StandardCharsets.UTF_8));
    for (String junk : List.of("AAAA", "====", " x", "\t", "%%")) {
      HttpResponse<String> answer =
          raw(
              "/engine-rest/history/variable-instance?processInstanceId=" + instance,
              "Basic " + basic + junk);
      assertThat(answer.body()).as(junk).doesNotContain(phone, NAME, ADDRESS);
    }
  }

  @Test
  void singleVariableReadsGiveEveryoneTheMaskedValue() {
    String[] reads = {
      "/engine-rest/process-instance/" + instance + "/variables/phone",
      "/engine-rest/process-instance/" + instance + "/variables/phone?deserializeValue=false",
      "/engine-rest/execution/" + instance + "/localVariables/phone",
      "/engine-rest/task/" + signing.getId() + "/variables/phone",
      "/engine-rest/process-instance/" + instance + "/variables/callerName",
      "/engine-rest/process-instance/" + instance + "/variables/address",
    };
    for (String user : EVERY_ROLE) {
      for (String read : reads) {
        ApiClient.Answer answer = ApiClient.as(port, user).get(read);
        assertThat(answer.json().toString())
            .as(user + " " + read)
            .doesNotContain(phone, NAME, ADDRESS);
      }
    }
    assertThat(ApiClient.as(port, "water1").get(reads[0]).json().path("value").asText())
        .isEqualTo(masked);
    assertThat(ApiClient.as(port, "auditor1").get(reads[4]).json().path("value").asText())
        .isEqualTo("李**");
    for (String user : EVERY_ROLE) {
      String data =
          rawAs(user, "/engine-rest/process-instance/" + instance + "/variables/phone/data").body();
      assertThat(data).as(user).doesNotContain(phone);
    }
  }

  @Test
  void searchesOnPersonalDataAreNoOracle() {
    String prefix = phone.substring(0, 7);
    List<String> searches =
        List.of(
            "variables=phone_like_" + prefix + "%25",
            "variables=phone_eq_" + phone,
            "variables=callerName_like_" + encode("李秀") + "%25",
            "variables=callerName_eq_" + encode(NAME),
            "variables=address_like_" + encode("中七路28号") + "%25");
    for (String user : List.of("auditor1", "supervisor1", "water1", "demo")) {
      for (String search : searches) {
        assertThat(count(user, "/engine-rest/process-instance/count?" + search))
            .as(user + " " + search)
            .isZero();
        assertThat(count(user, "/engine-rest/history/process-instance/count?" + search))
            .as(user + " history " + search)
            .isZero();
        assertThat(
                count(
                    user,
                    "/engine-rest/task/count?processVariables="
                        + search.substring("variables=".length())))
            .as(user + " task " + search)
            .isZero();
      }
      assertThat(
              count(
                  user,
                  "/engine-rest/history/variable-instance/count?variableName=phone&variableValue="
                      + phone))
          .isZero();
    }
    // The same searches do find the order by what everybody may see.
    assertThat(
            count("auditor1", "/engine-rest/process-instance/count?variables=phone_eq_" + masked))
        .isEqualTo(1);
  }

  @Test
  void theUnitSeesTheCitizenInFullInItsTaskFormAndTheShowingIsRecorded() throws Exception {
    JsonNode form =
        ApiClient.as(port, "water1")
            .get("/engine-rest/task/" + signing.getId() + "/form-variables")
            .json();
    assertThat(form.path("phone").path("value").asText()).isEqualTo(phone);
    assertThat(form.path("callerName").path("value").asText()).isEqualTo(NAME);
    assertThat(form.path("address").path("value").asText()).isEqualTo(ADDRESS);
    assertThat(
            jdbc.queryForList(
                "SELECT user_id FROM personal_data_access WHERE process_instance_id = ? AND task_id = ?",
                String.class,
                instance,
                signing.getId()))
        .containsExactly("water1");

    JsonNode accesses =
        ApiClient.as(port, "auditor1").get("/api/privacy/accesses?workOrder=" + number).json();
    assertThat(accesses).hasSize(1);
    assertThat(accesses.get(0).path("userId").asText()).isEqualTo("water1");
    assertThat(accesses.get(0).path("fields").toString())
        .contains("phone", "callerName", "address");
    assertThat(
            ApiClient.as(port, "water1").get("/api/privacy/accesses?workOrder=" + number).status())
        .isEqualTo(403);

    WebappSession tasklist = new WebappSession(port);
    tasklist.login("tasklist", "water1", tasklist.open("tasklist"));
    String inTasklist =
        tasklist
            .get(
                "/camunda/api/engine/engine/default/task/"
                    + signing.getId()
                    + "/form-variables?deserializeValues=false")
            .body();
    assertThat(new ObjectMapper().readTree(inTasklist).path("phone").path("value").asText())
        .isEqualTo(phone);
  }

  @Test
  void whoeverNeedNotContactTheCitizenReadsTheFormMasked() throws Exception {
    for (String user : MASKED_ROLES) {
      ApiClient.Answer form =
          ApiClient.as(port, user).get("/engine-rest/task/" + signing.getId() + "/form-variables");
      assertThat(form.json().toString()).as(user).doesNotContain(phone, NAME, ADDRESS);
    }
    ApiClient.Answer otherUnit =
        ApiClient.as(port, "heating1")
            .get("/engine-rest/task/" + signing.getId() + "/form-variables");
    assertThat(otherUnit.status()).isIn(403, 404);
    assertThat(otherUnit.json().toString()).doesNotContain(phone, NAME, "李*");

    WebappSession cockpit = new WebappSession(port);
    cockpit.login("cockpit", "auditor1", cockpit.open("cockpit"));
    String body =
        cockpit
            .get(
                "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId="
                    + instance)
            .body();
    assertThat(body).contains(masked).doesNotContain(phone, NAME, ADDRESS);
    assertThat(
            jdbc.queryForList(
                "SELECT user_id FROM personal_data_access WHERE process_instance_id = ?",
                String.class,
                instance))
        .isEmpty();
  }

  private List<String[]> engineTextColumns() throws Exception {
    List<String[]> columns = new ArrayList<>();
    try (var connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          int type = rs.getInt("DATA_TYPE");
          boolean text =
              type == Types.VARCHAR
                  || type == Types.NVARCHAR
                  || type == Types.LONGVARCHAR
                  || type == Types.CLOB;
          String schema = rs.getString("TABLE_SCHEM");
          if (text
              && table.toUpperCase().startsWith("ACT_")
              && !"INFORMATION_SCHEMA".equalsIgnoreCase(schema)
              && !"pg_catalog".equals(schema)) {
            columns.add(new String[] {table, rs.getString("COLUMN_NAME")});
          }
        }
      }
    }
    assertThat(columns).as("the engine's text columns").hasSizeGreaterThan(50);
    return columns;
  }

  private long count(String user, String path) {
    ApiClient.Answer answer = ApiClient.as(port, user).get(path);
    assertThat(answer.status()).as(path).isEqualTo(200);
    return answer.json().path("count").asLong();
  }

  private HttpResponse<String> rawAs(String user, String path) {
    return raw(
        path,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> raw(String path, String authorization) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", authorization)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
