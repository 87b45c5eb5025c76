package org.hotline12345.knowledge;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the system rather than as the API caller, for look-ups the knowledge base
 * needs whoever asks (the catalog's categories, whether a group is a unit, starting a gap): a unit
 * may not read the work-order definition or other groups itself.
 */
final class AsSystem {

  private AsSystem() {}

  static <T> T call(IdentityService identity, Supplier<T> call) {
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
