package dev.dbscim.client.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Returns a bearer token (an account SCIM token or a personal access token) from a fixed value, a supplier, an
 * environment variable or a file.
 *
 * <pre>{@code
 * CredentialsProvider fixed = TokenCredentials.of(token);
 * CredentialsProvider rotating = TokenCredentials.fromSupplier(() -> secretStore.read("scim-token"));
 * CredentialsProvider mounted = TokenCredentials.fromFile(Path.of("/var/run/secrets/scim/token"));
 * }</pre>
 *
 * <p>Every source except {@link #of(String)} is read on every request, so a rotated token (Databricks keeps the old
 * SCIM token working for 24 hours after a new one is issued) is picked up without a restart; after a 401 the client
 * asks once more. Surrounding whitespace (such as the trailing newline of a secret file) is stripped. A token that
 * contains a control character, such as CR or LF, is refused with {@link IllegalArgumentException} so it can never
 * inject a header; the message never repeats the token.
 *
 * <p>Instances are immutable and thread-safe as long as a supplied {@link Supplier} is. {@link #toString()} never
 * shows the token.
 */
public final class TokenCredentials implements CredentialsProvider {
  private final TokenSource source;

  private TokenCredentials(TokenSource source) {
    this.source = source;
  }

  /**
   * Returns credentials that always send {@code token}.
   *
   * @param token the SCIM token or personal access token, without the {@code Bearer } prefix
   * @return fixed credentials
   * @throws IllegalArgumentException if the token is blank or contains a control character such as CR or LF
   */
  public static TokenCredentials of(String token) {
    Objects.requireNonNull(token, "token");
    String checked = checkToken(token);
    if (checked == null) {
      throw new IllegalArgumentException("token is blank");
    }
    return new TokenCredentials(new FixedToken(checked));
  }

  /**
   * Returns credentials that ask {@code supplier} for the token on every request.
   *
   * <p>Use this to read a secret store or vault that rotates the token. The supplier is called from any thread the
   * client uses, once per attempt, and again after a 401; keep it fast (cache inside it if the store is slow).
   * When it returns {@code null} or a blank string, the request fails with a {@code ScimClientException}.
   *
   * @param supplier returns the current token, without the {@code Bearer } prefix
   * @return credentials backed by the supplier
   */
  public static TokenCredentials fromSupplier(Supplier<String> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return new TokenCredentials(new SuppliedToken(supplier));
  }

  /**
   * Returns credentials that read the environment variable {@code variableName} on every request.
   *
   * <p>A JVM's environment is fixed when the process starts, so a rotated token reaches the client only after a
   * restart; use {@link #fromFile(Path)} or {@link #fromSupplier(Supplier)} to rotate without one.
   *
   * @param variableName the name of the environment variable, for example {@code SCIM_TOKEN}
   * @return credentials backed by the environment
   * @throws IllegalStateException if the variable is not set or is blank (checked now, to fail fast)
   * @throws IllegalArgumentException if its value contains a control character such as CR or LF
   */
  public static TokenCredentials fromEnvironment(String variableName) {
    return fromEnvironment(variableName, System::getenv);
  }

  static TokenCredentials fromEnvironment(String variableName, Function<String, String> environment) {
    Objects.requireNonNull(variableName, "variableName");
    Objects.requireNonNull(environment, "environment");
    if (variableName.isBlank()) {
      throw new IllegalArgumentException("variableName is blank");
    }
    EnvironmentToken source = new EnvironmentToken(variableName, environment);
    if (checkToken(environment.apply(variableName)) == null) {
      throw new IllegalStateException("environment variable " + variableName + " is not set or is blank");
    }
    return new TokenCredentials(source);
  }

  /**
   * Returns credentials that read the token from {@code file}, re-reading it whenever the file changes.
   *
   * <p>Made for mounted secrets such as a Kubernetes secret volume, which is updated in place when the secret rotates.
   * Each request checks the file's modification time, size and identity (one {@code stat}); the content is read
   * again only when one of them changed, or after the service refused the cached token with 401. The file is not
   * checked now: if it is missing, unreadable or empty when a request is made, that request fails with a
   * {@code ScimClientException} naming the path.
   *
   * @param file a UTF-8 text file holding only the token (a trailing newline is fine)
   * @return credentials backed by the file
   */
  public static TokenCredentials fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new TokenCredentials(new FileToken(file));
  }

  /**
   * Returns the current token from this provider's source.
   *
   * @return the token, without the {@code Bearer } prefix
   * @throws dev.dbscim.client.error.ScimClientException if the source has no token (a blank supplied value, an unset
   *     variable, a missing or empty file)
   * @throws IllegalArgumentException if the token contains a control character such as CR or LF
   */
  @Override
  public String bearerToken() {
    return source.token();
  }

  /**
   * Drops any cached copy of {@code refusedToken}, so the next request reads the source again.
   *
   * @param refusedToken the token the service refused with 401
   */
  @Override
  public void invalidate(String refusedToken) {
    source.invalidate(refusedToken);
  }

  /**
   * Returns the kind of source, such as {@code TokenCredentials[file /run/secrets/token, ****]}, never the token.
   *
   * @return a redacted description
   */
  @Override
  public String toString() {
    return "TokenCredentials[" + source.describe() + ", ****]";
  }

  /**
   * Returns the stripped token, or {@code null} when {@code raw} is null or blank.
   *
   * @throws IllegalArgumentException if the token contains a control character (CR/LF could inject a header)
   */
  static String checkToken(String raw) {
    if (raw == null) {
      return null;
    }
    String token = raw.strip();
    if (token.isEmpty()) {
      return null;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(
            "token contains a control character (such as CR or LF) and cannot be sent in a header");
      }
    }
    return token;
  }

  private interface TokenSource {
    String token();

    default void invalidate(String refusedToken) {}

    String describe();
  }

  private static final class FixedToken implements TokenSource {
    private final String token;

    FixedToken(String token) {
      this.token = token;
    }

    @Override
    public String token() {
      return token;
    }

    @Override
    public String describe() {
      return "fixed";
    }
  }

  private static final class SuppliedToken implements TokenSource {
    private final Supplier<String> supplier;

    SuppliedToken(Supplier<String> supplier) {
      this.supplier = supplier;
    }

    @Override
    public String token() {
      String token = checkToken(supplier.get());
      if (token == null) {
        throw CredentialFailures.noToken("the token supplier returned no token (null or blank)", null);
      }
      return token;
    }

    @Override
    public String describe() {
      return "supplier";
    }
  }

  private static final class EnvironmentToken implements TokenSource {
    private final String variableName;
    private final Function<String, String> environment;

    EnvironmentToken(String variableName, Function<String, String> environment) {
      this.variableName = variableName;
      this.environment = environment;
    }

    @Override
    public String token() {
      String token = checkToken(environment.apply(variableName));
      if (token == null) {
        throw CredentialFailures.noToken("environment variable " + variableName + " is not set or is blank", null);
      }
      return token;
    }

    @Override
    public String describe() {
      return "env " + variableName;
    }
  }

  /** Caches the file's token keyed on modification time, size and file key (inode where the platform has one). */
  private static final class FileToken implements TokenSource {
    private final Path file;
    private volatile CachedFile cached;

    FileToken(Path file) {
      this.file = file;
    }

    @Override
    public String token() {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (IOException e) {
        throw CredentialFailures.noToken("cannot read token file " + file, e);
      }
      CachedFile current = cached;
      if (current != null && current.matches(attributes)) {
        return current.token;
      }
      String content;
      try {
        content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw CredentialFailures.noToken("cannot read token file " + file, e);
      }
      String token = checkToken(content);
      if (token == null) {
        throw CredentialFailures.noToken("token file " + file + " is empty", null);
      }
      cached = new CachedFile(token, attributes);
      return token;
    }

    @Override
    public void invalidate(String refusedToken) {
      CachedFile current = cached;
      if (current != null && current.token.equals(refusedToken)) {
        cached = null;
      }
    }

    @Override
    public String describe() {
      return "file " + file;
    }
  }

  private static final class CachedFile {
    final String token;
    private final FileTime modified;
    private final long size;
    private final Object fileKey;

    CachedFile(String token, BasicFileAttributes attributes) {
      this.token = token;
      this.modified = attributes.lastModifiedTime();
      this.size = attributes.size();
      this.fileKey = attributes.fileKey();
    }

    boolean matches(BasicFileAttributes attributes) {
      return modified.equals(attributes.lastModifiedTime())
          && size == attributes.size()
          && Objects.equals(fileKey, attributes.fileKey());
    }
  }
}
