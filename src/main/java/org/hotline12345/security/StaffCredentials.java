package org.hotline12345.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a staff member's user and password (HTTP Basic on {@code /engine-rest} and {@code /api})
 * and reuses a verified identity with its groups for a short, bounded time ({@code
 * hotline.security.credentials-reuse}, 30 seconds), so that a script or a busy client does not cost
 * a password check and two queries, each in a transaction of its own, on every request.
 *
 * <ul>
 *   <li>Only a password that was accepted is reused, and only the same one (kept as a keyed hash
 *       with a key that never leaves this process, never as the password).
 *   <li>A password change or a removal from a group takes effect within the reuse time.
 *   <li>Any refused login for a user (wrong password, locked, from any of the webapps, {@code
 *       /engine-rest} or {@code /api}) ends the reuse at once, so the engine's lock after wrong
 *       passwords applies exactly as without it.
 * </ul>
 */
@Component
class StaffCredentials {

  /** A verified staff member: the user, the groups and the tenants the engine knows them by. */
  record Staff(String userId, List<String> groups, List<String> tenants) {}

  private record Verified(byte[] digest, Staff staff, long until) {}

  /** Enough for every member of staff of a large centre; beyond it, expired entries are dropped. */
  private static final int MAX_USERS = 20_000;

  private final IdentityService identity;
  private final long reuseMillis;
  private final SecretKeySpec key;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  StaffCredentials(
      IdentityService identity,
      FailedLogins failures,
      @Value("${hotline.security.credentials-reuse:PT30S}") Duration reuse) {
    this.identity = identity;
    this.reuseMillis = reuse.toMillis();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    failures.whenRefused(this::forget);
  }

  /** The staff member these credentials belong to, empty if the engine refuses them. */
  Optional<Staff> verify(BasicCredentials credentials) {
    String user = credentials.user();
    long now = ClockUtil.getCurrentTime().getTime();
    byte[] digest = digest(user, credentials.password());
    Verified known = verified.get(user);
    // Verified within the last reuse period (a clock set back does not stretch it).
    boolean fresh = known != null && now < known.until() && now >= known.until() - reuseMillis;
    if (fresh && MessageDigest.isEqual(known.digest(), digest)) {
      return Optional.of(known.staff());
    }
    if (!identity.checkPassword(user, credentials.password())) {
      return Optional.empty();
    }
    Staff staff = AsSystem.call(identity, () -> staffOf(user));
    if (reuseMillis > 0) {
      if (verified.size() >= MAX_USERS) {
        verified.values().removeIf(entry -> entry.until() <= now);
      }
      if (verified.size() < MAX_USERS) {
        verified.put(user, new Verified(digest, staff, now + reuseMillis));
      }
    }
    return Optional.of(staff);
  }

  /** The next request of this user checks the password again. */
  void forget(String userId) {
    if (userId != null) {
      verified.remove(userId);
    }
  }

  private Staff staffOf(String user) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants =
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    return new Staff(user, groups, tenants);
  }

  private byte[] digest(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
    }
  }
}
