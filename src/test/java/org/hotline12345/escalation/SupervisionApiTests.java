package org.hotline12345.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only supervisors open supervision on an order, once, and only while it is open. */
@HotlineSpringTest
class SupervisionApiTests {

  @LocalServerPort int port;

  @Test
  void aSupervisorOpensSupervisionOnceAndOthersMayNot() {
    String number =
        ApiClient.as(port, "agent1")
            .post("/api/work-orders", IntakeRequests.phoneCall("COMPLAINT", "NOISE"))
            .json()
            .path("number")
            .asText();
    String path = "/api/work-orders/" + number + "/supervision";

    assertThat(ApiClient.as(port, "agent1").post(path, Map.of("reason", "热点")).status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, "supervisor1").post(path, Map.of("reason", "")).status())
        .isEqualTo(400);
    assertThat(ApiClient.as(port, "supervisor1").post(path, Map.of("reason", "媒体关注的热点问题")).status())
        .isEqualTo(201);
    assertThat(ApiClient.as(port, "supervisor1").post(path, Map.of("reason", "再次开启")).status())
        .isEqualTo(409);
    assertThat(
            ApiClient.as(port, "supervisor1")
                .post("/api/work-orders/19990101-000001/supervision", Map.of("reason", "不存在"))
                .status())
        .isEqualTo(404);
  }
}
