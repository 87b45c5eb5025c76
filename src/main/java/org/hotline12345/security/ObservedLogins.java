package org.hotline12345.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: Camunda's own user store, observed where every password is checked (the engine's
 * {@code CheckPassword}, which the webapps' login and both Basic filters call), so that each
 * refused login reaches {@link FailedLogins}. The lock itself is the engine's, configured in {@code
 * application.yaml}: a wrong password locks the account for 3 seconds, doubling with each further
 * one up to {@code loginDelayMaxTime}, and never for good.
 */
@Component
class ObservedLogins extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ObservedLogins.class);

  private final FailedLogins failures;

  ObservedLogins(FailedLogins failures) {
    this.failures = failures;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return ObservedIdentityProvider.class;
          }

          @Override
          public Session openSession() {
            return new ObservedIdentityProvider(failures);
          }
        });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    LOG.info(
        "A wrong password locks the account for {} s, x{} per further one, at most {} s; "
            + "an account is locked for good only after {} wrong passwords",
        configuration.getLoginDelayBase(),
        configuration.getLoginDelayFactor(),
        configuration.getLoginDelayMaxTime(),
        configuration.getLoginMaxAttempts());
  }

  /** The engine's database user store, reporting each refused password. */
  static final class ObservedIdentityProvider extends DbIdentityServiceProvider {

    private final FailedLogins failures;

    ObservedIdentityProvider(FailedLogins failures) {
      this.failures = failures;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      // Read once here; the engine's own check below finds the same entity in the command's cache.
      UserEntity user = userId == null ? null : findUserById(userId);
      boolean lockedBefore = user != null && isUserLocked(user);
      boolean accepted = super.checkPassword(userId, password);
      if (!accepted) {
        if (user == null) {
          failures.record(userId, FailedLogins.Outcome.UNKNOWN_USER, null);
        } else {
          failures.record(
              userId,
              lockedBefore ? FailedLogins.Outcome.LOCKED : FailedLogins.Outcome.WRONG_PASSWORD,
              user.getLockExpirationTime());
        }
      }
      return accepted;
    }
  }
}
