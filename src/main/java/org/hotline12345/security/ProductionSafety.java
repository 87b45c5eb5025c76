package org.hotline12345.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.hotline12345.system.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production ({@code hotline.production=true}, set by the {@code postgres} profile) the
 * application refuses to start, before it opens its port, while it would be open to anyone who
 * knows the demo: the demo organisation switched on, any user whose password is {@code demo}, or no
 * administrator password configured ({@code HOTLINE_ADMIN_PASSWORD}, at least 12 characters). The
 * administrator ({@code HOTLINE_ADMIN_USER}, default {@code admin}) is created with it if missing.
 */
@Component
@ConditionalOnProperty(name = "hotline.production", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE) // the first start-up work: nothing else is done if it refuses
class ProductionSafety implements StartupWork {

  static final String DEMO_PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(ProductionSafety.class);
  private static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

  private final ProcessEngineConfigurationImpl engine;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final boolean demoEnabled;
  private final String adminUser;
  private final String adminPassword;

  ProductionSafety(
      ProcessEngineConfigurationImpl engine,
      IdentityService identity,
      AuthorizationService authorizations,
      @Value("${hotline.demo.enabled:false}") boolean demoEnabled,
      @Value("${hotline.admin.user:admin}") String adminUser,
      @Value("${hotline.admin.password:}") String adminPassword) {
    this.engine = engine;
    this.identity = identity;
    this.authorizations = authorizations;
    this.demoEnabled = demoEnabled;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run() {
    if (demoEnabled) {
      throw refuse(
          "the demo organisation is switched on (HOTLINE_DEMO_ENABLED): its users all have the password 'demo'");
    }
    if (adminPassword.isBlank()
        || adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH
        || adminPassword.equals(DEMO_PASSWORD)) {
      throw refuse(
          "no administrator password is configured: set HOTLINE_ADMIN_PASSWORD (at least "
              + MIN_ADMIN_PASSWORD_LENGTH
              + " characters)");
    }
    ensureAdministrator();
    List<String> withDemoPassword =
        identity.createUserQuery().list().stream()
            .filter(this::hasDemoPassword)
            .map(User::getId)
            .toList();
    if (!withDemoPassword.isEmpty()) {
      throw refuse(
          "these users still have the demo password 'demo': "
              + withDemoPassword
              + "; change or delete them (Camunda Admin) first");
    }
    LOG.info(
        "Production checks passed: no demo passwords, administrator '{}' configured", adminUser);
  }

  /**
   * Compares the stored hash the way the engine checks a login, without logging in: a failed {@code
   * checkPassword} would count as a failed attempt and lock the account for a while.
   */
  private boolean hasDemoPassword(User user) {
    return user instanceof UserEntity entity
        && entity.getPassword() != null
        && engine
            .getPasswordManager()
            .check(
                EncryptionUtil.saltPassword(DEMO_PASSWORD, entity.getSalt()), entity.getPassword());
  }

  private void ensureAdministrator() {
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
      admins.setName("Camunda BPM Administrators");
      admins.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(admins);
    }
    if (identity.createUserQuery().userId(adminUser).count() == 0) {
      User admin = identity.newUser(adminUser);
      admin.setFirstName("热线");
      admin.setLastName("管理员");
      admin.setPassword(adminPassword);
      identity.saveUser(admin);
      identity.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
      LOG.info("Administrator '{}' created", adminUser);
    }
    for (Resources resource : Resources.values()) {
      Grants.grant(authorizations, Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
    }
  }

  private static IllegalStateException refuse(String why) {
    return new IllegalStateException("Refusing to start in production: " + why);
  }
}
