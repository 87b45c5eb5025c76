package org.hotline12345.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The outside channels' API keys. A key is 32 random bytes, shown once when issued; only its
 * SHA-256 is stored (a key this long needs no slow hash). A revoked key is refused from then on.
 */
@Service
public class ChannelKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "hk_";

  /** A key as an administrator sees it after issuing: the key itself appears only here. */
  public record IssuedKey(String id, String channel, String label, String key) {}

  /** A key as the list shows it: never the key. */
  public record KeyInfo(
      String id,
      String channel,
      String label,
      OffsetDateTime createdAt,
      String createdBy,
      OffsetDateTime revokedAt,
      String revokedBy) {}

  private final JdbcTemplate jdbc;

  public ChannelKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public IssuedKey issue(String channel, String label, String issuedBy) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO intake_channel_key (id, channel, label, key_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
        id,
        channel,
        label,
        hash(key),
        now(),
        issuedBy);
    return new IssuedKey(id, channel, label, key);
  }

  /** Revokes the key; false if there is no such key or it was already revoked. */
  public boolean revoke(String id, String revokedBy) {
    return jdbc.update(
            "UPDATE intake_channel_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
            now(),
            revokedBy,
            id)
        == 1;
  }

  public List<KeyInfo> list() {
    return jdbc.query(
        "SELECT id, channel, label, created_at, created_by, revoked_at, revoked_by FROM intake_channel_key ORDER BY created_at",
        (rs, row) ->
            new KeyInfo(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                time(rs.getTimestamp(4)),
                rs.getString(5),
                time(rs.getTimestamp(6)),
                rs.getString(7)));
  }

  /** The channel of a valid, unrevoked key. */
  public Optional<String> channelOf(String key) {
    if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .queryForList(
            "SELECT channel FROM intake_channel_key WHERE key_hash = ? AND revoked_at IS NULL",
            String.class,
            hash(key))
        .stream()
        .findFirst();
  }

  private static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static OffsetDateTime time(Timestamp t) {
    return t == null
        ? null
        : OffsetDateTime.ofInstant(
            Instant.ofEpochMilli(t.getTime()), java.util.TimeZone.getDefault().toZoneId());
  }
}
