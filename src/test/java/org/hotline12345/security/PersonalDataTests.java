package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.hotline12345.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The citizen's name and phone are shown in full only to those who contact them (the unit handling
 * the order, hotline and revisit agents); everyone else reads them masked, in the engine REST API
 * and in Cockpit alike.
 */
@HotlineSpringTest
class PersonalDataTests {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  String instance;
  String phone;
  String masked;

  @BeforeEach
  void anOrderFromZhangSan() {
    Map<String, Object> call = IntakeRequests.phoneCall("HELP", "WATER_SUPPLY");
    phone = (String) call.get("phone");
    masked = phone.substring(0, 3) + "****" + phone.substring(7);
    String number =
        ApiClient.as(port, "agent1").post("/api/work-orders", call).json().path("number").asText();
    instance =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .list()
            .get(0)
            .getProcessInstanceId();
  }

  @Test
  void masksPhonesNamesAndIdNumbers() {
    assertThat(PersonalData.maskPhone("13800138000")).isEqualTo("138****8000");
    assertThat(PersonalData.maskPhone("0459-4661234")).isEqualTo("045*****1234");
    assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
    assertThat(PersonalData.maskName("欧阳娜娜")).isEqualTo("欧***");
    assertThat(PersonalData.mask("idNumber", "230602199001011234")).isEqualTo("230602********1234");
  }

  @Test
  void theUnitAndTheAgentsSeeTheNumberInFull() {
    for (String user : new String[] {"water1", "agent1", "revisit1"}) {
      JsonNode variables =
          ApiClient.as(port, user)
              .get("/engine-rest/process-instance/" + instance + "/variables")
              .json();
      assertThat(variables.path("phone").path("value").asText()).as(user).isEqualTo(phone);
      assertThat(variables.path("callerName").path("value").asText()).as(user).isEqualTo("张三");
    }
  }

  @Test
  void reviewersSupervisorsAndAuditorsSeeItMasked() {
    for (String user : new String[] {"reviewer1", "supervisor1", "auditor1", "dispatcher1"}) {
      JsonNode variables =
          ApiClient.as(port, user)
              .get("/engine-rest/process-instance/" + instance + "/variables")
              .json();
      assertThat(variables.path("phone").path("value").asText()).as(user).isEqualTo(masked);
      assertThat(variables.path("callerName").path("value").asText()).as(user).isEqualTo("张*");
    }
    JsonNode history =
        ApiClient.as(port, "auditor1")
            .get(
                "/engine-rest/history/variable-instance?processInstanceId="
                    + instance
                    + "&variableName=phone")
            .json();
    assertThat(history.get(0).path("value").asText()).isEqualTo(masked);
  }

  @Test
  void anAuditorInCockpitSeesItMasked() throws Exception {
    WebappSession cockpit = new WebappSession(port);
    cockpit.login("cockpit", "auditor1", cockpit.open("cockpit"));

    String body =
        cockpit
            .get(
                "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId="
                    + instance)
            .body();

    assertThat(body).contains(masked).doesNotContain(phone, "张三");
    assertThat(new ObjectMapper().readTree(body)).isNotEmpty();
  }
}
