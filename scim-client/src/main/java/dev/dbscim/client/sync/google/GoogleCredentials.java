package dev.dbscim.client.sync.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a {@link GoogleDirectorySource} authenticates to the Admin SDK Directory API: a service-account key with
 * domain-wide delegation (the usual way for a server), or an access token the caller obtains itself.
 *
 * <p>With a service-account key the source signs an RS256 JWT ({@code iss} = the key's {@code client_email},
 * {@code sub} = the admin to impersonate, {@code scope} = {@link #DIRECTORY_READ_SCOPES}, {@code aud} =
 * {@code https://oauth2.googleapis.com/token} as Google requires, also when the token endpoint is another URL, valid
 * for one hour), exchanges it at the token endpoint for an access token
 * ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}) and reuses that token until shortly before it
 * expires. The private key and tokens never appear in {@code toString()}, logs or exception messages.
 *
 * <pre>{@code
 * GoogleCredentials fromEnv = GoogleCredentials.fromEnvironment("admin@example.com");
 * GoogleCredentials fromFile = GoogleCredentials.serviceAccountKey(Path.of("sync-key.json"), "admin@example.com");
 * GoogleCredentials fixed = GoogleCredentials.accessToken(() -> myTokenCache.current());
 * }</pre>
 */
public abstract class GoogleCredentials {
  /** The environment variable naming the service-account key file, as in Google's own client libraries. */
  public static final String KEY_FILE_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";

  /**
   * The read-only scopes the source asks for, which the domain-wide delegation in the Google Admin console must grant:
   * users, groups and group members.
   */
  public static final List<String> DIRECTORY_READ_SCOPES = Collections.unmodifiableList(Arrays.asList(
      "https://www.googleapis.com/auth/admin.directory.user.readonly",
      "https://www.googleapis.com/auth/admin.directory.group.readonly",
      "https://www.googleapis.com/auth/admin.directory.group.member.readonly"));

  GoogleCredentials() {}

  /**
   * Returns credentials from a service-account key file (the JSON file the Cloud console downloads), impersonating
   * {@code subject} through domain-wide delegation.
   *
   * @param keyFile the key file, with {@code client_email}, {@code private_key} (PKCS#8 PEM) and optionally
   *     {@code token_uri}
   * @param subject the email of the Google Workspace admin to impersonate
   * @return the credentials
   * @throws IllegalArgumentException when the file is not a usable service-account key (the message never contains
   *     the key)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static GoogleCredentials serviceAccountKey(Path keyFile, String subject) {
    Objects.requireNonNull(keyFile, "keyFile");
    String json;
    try {
      json = new String(Files.readAllBytes(keyFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the service-account key file " + keyFile, e);
    }
    return new ServiceAccountCredentials(ServiceAccountKey.parse(json, "key file " + keyFile), subject(subject));
  }

  /**
   * Returns credentials from the text of a service-account key, impersonating {@code subject} through domain-wide
   * delegation.
   *
   * @param keyJson the key's JSON text
   * @param subject the email of the Google Workspace admin to impersonate
   * @return the credentials
   * @throws IllegalArgumentException when the text is not a usable service-account key (the message never contains
   *     the key)
   */
  public static GoogleCredentials serviceAccountKeyJson(String keyJson, String subject) {
    Objects.requireNonNull(keyJson, "keyJson");
    return new ServiceAccountCredentials(ServiceAccountKey.parse(keyJson, "key JSON"), subject(subject));
  }

  /**
   * Returns credentials from the key file named by the environment variable {@value #KEY_FILE_VARIABLE}, impersonating
   * {@code subject} through domain-wide delegation.
   *
   * @param subject the email of the Google Workspace admin to impersonate
   * @return the credentials
   * @throws IllegalStateException when the variable is not set
   * @throws IllegalArgumentException when the file is not a usable service-account key
   * @throws UncheckedIOException when the file cannot be read
   */
  public static GoogleCredentials fromEnvironment(String subject) {
    return fromEnvironment(subject, System::getenv);
  }

  static GoogleCredentials fromEnvironment(String subject, Function<String, String> environment) {
    String file = environment.apply(KEY_FILE_VARIABLE);
    if (file == null || file.trim().isEmpty()) {
      throw new IllegalStateException("The environment variable " + KEY_FILE_VARIABLE
          + " is not set; set it to the path of the service-account key file");
    }
    return serviceAccountKey(Path.of(file.trim()), subject);
  }

  /**
   * Returns credentials that send a fixed access token, obtained elsewhere with the
   * {@link #DIRECTORY_READ_SCOPES}. It is not refreshed: use {@link #accessToken(Supplier)} for long-running callers.
   *
   * @param accessToken the OAuth 2.0 access token
   * @return the credentials
   */
  public static GoogleCredentials accessToken(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    if (accessToken.trim().isEmpty()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
    return new AccessTokenCredentials(() -> accessToken);
  }

  /**
   * Returns credentials that ask {@code accessTokens} for the token before every request (and once more after a 401),
   * so the caller can refresh it.
   *
   * @param accessTokens supplies the current OAuth 2.0 access token
   * @return the credentials
   */
  public static GoogleCredentials accessToken(Supplier<String> accessTokens) {
    return new AccessTokenCredentials(Objects.requireNonNull(accessTokens, "accessTokens"));
  }

  private static String subject(String subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject.trim().isEmpty() || subject.indexOf('@') < 1) {
      throw new IllegalArgumentException("subject must be the email address of a Google Workspace admin");
    }
    return subject.trim();
  }

  /** A service-account key and the admin it impersonates. */
  static final class ServiceAccountCredentials extends GoogleCredentials {
    final ServiceAccountKey key;
    final String subject;

    ServiceAccountCredentials(ServiceAccountKey key, String subject) {
      this.key = key;
      this.subject = subject;
    }

    @Override
    public String toString() {
      return "GoogleCredentials.serviceAccount{clientEmail=" + key.clientEmail() + ", subject=" + subject
          + ", privateKey=****}";
    }
  }

  /** A token the caller supplies. */
  static final class AccessTokenCredentials extends GoogleCredentials {
    final Supplier<String> tokens;

    AccessTokenCredentials(Supplier<String> tokens) {
      this.tokens = tokens;
    }

    @Override
    public String toString() {
      return "GoogleCredentials.accessToken{****}";
    }
  }
}
