package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hotline12345.HotlineApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile's guard, on a fresh application of its own each time: it refuses to start
 * with the demo organisation or without an administrator password, and starts otherwise.
 */
class ProductionSafetyTests {

  @Test
  void refusesToStartWithTheDemoPasswords() {
    assertThatThrownBy(
            () ->
                start("--hotline.demo.enabled=true", "--hotline.admin.password=a-long-secret-1234"))
        .hasStackTraceContaining("Refusing to start in production")
        .hasStackTraceContaining("'demo'");
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> start("--hotline.demo.enabled=false"))
        .hasStackTraceContaining("HOTLINE_ADMIN_PASSWORD");
    assertThatThrownBy(
            () -> start("--hotline.demo.enabled=false", "--hotline.admin.password=short"))
        .hasStackTraceContaining("HOTLINE_ADMIN_PASSWORD");
  }

  @Test
  void startsWithAConfiguredAdministratorAndNoDemoUser() {
    try (ConfigurableApplicationContext app =
        start("--hotline.demo.enabled=false", "--hotline.admin.password=a-long-secret-1234")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list())
          .extracting(User::getId)
          .containsExactly("admin");
      assertThat(identity.checkPassword("admin", "a-long-secret-1234")).isTrue();
    }
  }

  private static ConfigurableApplicationContext start(String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--hotline.production=true",
                "--spring.autoconfigure.exclude="
                    + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                // An engine and database of its own, so the suite's shared application is not
                // disturbed.
                "--camunda.bpm.process-engine-name=production"
                    + UUID.randomUUID().toString().substring(0, 8),
                "--spring.datasource.url=jdbc:h2:mem:production-"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1"));
    args.addAll(List.of(settings));
    // No web server: the guard does not need one, and Camunda's webapp filters keep static state
    // that a second web application in the same JVM would trip over.
    return new SpringApplicationBuilder(HotlineApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test")
        .run(args.toArray(String[]::new));
  }
}
