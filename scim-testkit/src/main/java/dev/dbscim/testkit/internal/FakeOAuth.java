package dev.dbscim.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth machine-to-machine side of the fake: the client secrets of service principals (by application id) and
 * the access tokens issued for them with the client-credentials grant. Tokens are bound to the host that issued them
 * and expire {@link #TOKEN_LIFETIME} after issue on the fake's clock. Thread-safe.
 */
public final class FakeOAuth {
  /** How long an issued access token lasts, as on Databricks. */
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A client secret. */
  public static final class Secret {
    /** The secret's id, as the secrets API shows it. */
    public final String id;
    /** The secret itself. */
    public final String value;
    /** When it was created, on the fake's clock. */
    public final Instant created;

    Secret(String id, String value, Instant created) {
      this.id = id;
      this.value = value;
      this.created = created;
    }

    /**
     * Returns a hash of the secret, shown instead of it after creation.
     *
     * @return the first 8 hex digits of the secret's SHA-256
     */
    public String hash() {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        return hex(digest).substring(0, 8);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** What an issued token stands for. */
  public static final class Grant {
    /** The client id (the service principal's application id). */
    public final String applicationId;
    /** The host that issued it: {@link FakeStore#ACCOUNT} or a workspace id. */
    public final long host;
    /** When it expires. */
    public final Instant expiresAt;

    Grant(String applicationId, long host, Instant expiresAt) {
      this.applicationId = applicationId;
      this.host = host;
      this.expiresAt = expiresAt;
    }
  }

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, List<Secret>> secrets = new HashMap<>();
  private final Map<String, Grant> tokens = new LinkedHashMap<>();
  private long nextSecretId = 1;

  /**
   * Creates an empty OAuth state.
   *
   * @param clock the fake's clock
   */
  public FakeOAuth(Clock clock) {
    this.clock = clock;
  }

  /**
   * Creates a new client secret for a service principal; earlier secrets stay valid.
   *
   * @param applicationId the service principal's application id
   * @return the secret
   */
  public synchronized Secret createSecret(String applicationId) {
    Secret secret = new Secret(Long.toString(nextSecretId++), "dose" + randomHex(32), clock.instant());
    secrets.computeIfAbsent(applicationId, id -> new ArrayList<>()).add(secret);
    return secret;
  }

  /**
   * Returns the secrets of a service principal, oldest first.
   *
   * @param applicationId the application id
   * @return the secrets
   */
  public synchronized List<Secret> secrets(String applicationId) {
    return new ArrayList<>(secrets.getOrDefault(applicationId, Collections.emptyList()));
  }

  /**
   * Deletes a secret; tokens already issued with it keep working until they expire.
   *
   * @param applicationId the application id
   * @param secretId the secret's id
   * @return whether it existed
   */
  public synchronized boolean deleteSecret(String applicationId, String secretId) {
    List<Secret> list = secrets.get(applicationId);
    return list != null && list.removeIf(secret -> secret.id.equals(secretId));
  }

  /**
   * Returns whether {@code secret} is one of the service principal's secrets, comparing in constant time.
   *
   * @param applicationId the application id
   * @param secret the secret sent by the client
   * @return whether it matches
   */
  public synchronized boolean secretMatches(String applicationId, String secret) {
    boolean matches = false;
    byte[] sent = secret.getBytes(StandardCharsets.UTF_8);
    for (Secret known : secrets.getOrDefault(applicationId, Collections.emptyList())) {
      matches |= MessageDigest.isEqual(known.value.getBytes(StandardCharsets.UTF_8), sent);
    }
    return matches;
  }

  /**
   * Issues an access token for {@link #TOKEN_LIFETIME}, and forgets tokens that have expired.
   *
   * @param applicationId the client id
   * @param host the issuing host
   * @return the token
   */
  public synchronized String issue(String applicationId, long host) {
    Instant now = clock.instant();
    for (Iterator<Grant> it = tokens.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expiresAt)) {
        it.remove();
      }
    }
    String token = "eyJmYWtlIjoib2F1dGgifQ." + randomHex(40);
    tokens.put(token, new Grant(applicationId, host, now.plus(TOKEN_LIFETIME)));
    return token;
  }

  /**
   * Returns what an unexpired token issued by {@code host} stands for.
   *
   * @param token the bearer token
   * @param host the host the request was sent to
   * @return the grant, or empty when the token is unknown, expired or from another host
   */
  public synchronized Optional<Grant> grant(String token, long host) {
    Grant grant = tokens.get(token);
    if (grant == null || grant.host != host || !clock.instant().isBefore(grant.expiresAt)) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** Forgets every secret and token (a reset of the fake). */
  public synchronized void clear() {
    secrets.clear();
    tokens.clear();
  }

  private String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return hex(buffer);
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
