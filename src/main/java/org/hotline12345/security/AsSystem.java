package org.hotline12345.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the system rather than as whoever is logged in on this thread, for look-ups
 * a feature needs whoever asks (the knowledge base: the catalog's categories, whether a group is a
 * unit, starting a gap; notifications: the members of a group to e-mail; supervision: starting the
 * ledger its API has checked), then restores the caller. Without a person, {@link RecordGuard} lets
 * the call through: it is the application's own work, checked where it was asked for.
 */
public final class AsSystem {

  private AsSystem() {}

  public static <T> T call(IdentityService identity, Supplier<T> call) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
