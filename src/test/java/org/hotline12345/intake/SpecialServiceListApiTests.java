package org.hotline12345.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.TestPhones;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators maintain the special-service list over the API; nobody else may. */
@HotlineSpringTest
class SpecialServiceListApiTests {

  @LocalServerPort int port;

  @Test
  void anAdministratorAddsListsAndRemovesACaller() {
    ApiClient admin = ApiClient.as(port, "demo");
    String phone = TestPhones.unique();

    assertThat(
            admin
                .post(
                    "/api/admin/special-service-callers", Map.of("phone", phone, "reason", "登记残疾人"))
                .status())
        .isEqualTo(201);
    assertThat(admin.get("/api/admin/special-service-callers").json().toString())
        .contains(phone, "登记残疾人");
    assertThat(admin.delete("/api/admin/special-service-callers/" + phone).status()).isEqualTo(204);
    assertThat(admin.get("/api/admin/special-service-callers").json().toString())
        .doesNotContain(phone);
  }

  @Test
  void badEntriesAre400AndOthersThanAdministratorsAre403() {
    ApiClient admin = ApiClient.as(port, "demo");
    assertThat(
            admin
                .post("/api/admin/special-service-callers", Map.of("phone", "12345", "reason", "x"))
                .status())
        .isEqualTo(400);
    assertThat(
            admin
                .post("/api/admin/special-service-callers", Map.of("phone", TestPhones.unique()))
                .status())
        .isEqualTo(400);
    assertThat(ApiClient.as(port, "agent1").get("/api/admin/special-service-callers").status())
        .isEqualTo(403);
  }
}
