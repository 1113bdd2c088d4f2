package dev.dbscim.client.internal;

import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.client.auth.TokenCredentials;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the Databricks environment variables ({@code DATABRICKS_HOST}, {@code DATABRICKS_ACCOUNT_ID},
 * {@code DATABRICKS_TOKEN}, {@code DATABRICKS_CLIENT_ID}, {@code DATABRICKS_CLIENT_SECRET}) for the facades'
 * {@code fromEnvironment()} factories. Errors name the variable, never its value.
 *
 * <p>Not public API; may change without notice.
 */
public final class FacadeEnvironment {
  /** The host variable. */
  public static final String HOST = "DATABRICKS_HOST";
  /** The account id variable. */
  public static final String ACCOUNT_ID = "DATABRICKS_ACCOUNT_ID";
  /** The personal access or SCIM token variable. */
  public static final String TOKEN = "DATABRICKS_TOKEN";
  /** The OAuth client id variable. */
  public static final String CLIENT_ID = "DATABRICKS_CLIENT_ID";
  /** The OAuth client secret variable. */
  public static final String CLIENT_SECRET = "DATABRICKS_CLIENT_SECRET";

  private final Map<String, String> environment;

  private FacadeEnvironment(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Returns a reader over the given variables.
   *
   * @param environment the variables by name, such as {@code System.getenv()}
   * @return the reader
   */
  public static FacadeEnvironment of(Map<String, String> environment) {
    return new FacadeEnvironment(Objects.requireNonNull(environment, "environment"));
  }

  /**
   * Returns the host from {@code DATABRICKS_HOST}: {@code https://} is assumed when it has no scheme, and any path,
   * query or trailing slash is dropped, as the Databricks SDKs do.
   *
   * @return the host URI, such as {@code https://accounts.cloud.databricks.com}
   * @throws IllegalStateException when the variable is missing or blank
   * @throws IllegalArgumentException when it is not a usable host, or uses plain {@code http} to a host that is not
   *     a loopback address (which the clients refuse, since the token would travel unencrypted)
   */
  public URI host() {
    String value = required(HOST);
    String withScheme = value.contains("://") ? value : "https://" + value;
    URI parsed;
    try {
      parsed = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(HOST + " is not a valid URL");
    }
    if (parsed.getHost() == null || parsed.getScheme() == null) {
      throw new IllegalArgumentException(HOST + " is not a valid URL with a host");
    }
    if (parsed.getScheme().equalsIgnoreCase("http") && !LoopbackHosts.isLoopback(parsed.getHost())) {
      throw new IllegalArgumentException(HOST + " uses plain http:// to " + parsed.getHost() + ", which would send the "
          + "token unencrypted; write https://" + parsed.getRawAuthority() + " in " + HOST + " (plain http works "
          + "only for localhost and 127.0.0.1)");
    }
    return URI.create(parsed.getScheme() + "://" + parsed.getRawAuthority());
  }

  /**
   * Returns the account id from {@code DATABRICKS_ACCOUNT_ID}.
   *
   * @return the account id
   * @throws IllegalStateException when the variable is missing or blank
   */
  public String accountId() {
    return required(ACCOUNT_ID);
  }

  /**
   * Returns the credentials: a fixed bearer token from {@code DATABRICKS_TOKEN} when it is set, else OAuth
   * machine-to-machine credentials from {@code DATABRICKS_CLIENT_ID} and {@code DATABRICKS_CLIENT_SECRET}.
   *
   * @param tokenEndpoint computes the OAuth token endpoint from the host, used only for OAuth
   * @param allowInsecureHttp whether the OAuth token endpoint may be plain http to a non-loopback host
   * @return the credentials
   * @throws IllegalStateException when neither a token nor both OAuth variables are set; the message names the
   *     missing variables
   */
  public CredentialsProvider credentials(Function<URI, URI> tokenEndpoint, boolean allowInsecureHttp) {
    String token = optional(TOKEN);
    if (token != null) {
      return TokenCredentials.of(token);
    }
    String clientId = optional(CLIENT_ID);
    String clientSecret = optional(CLIENT_SECRET);
    if (clientId == null && clientSecret == null) {
      throw new IllegalStateException("no credentials in the environment: set " + TOKEN + ", or " + CLIENT_ID
          + " and " + CLIENT_SECRET + " for OAuth machine-to-machine");
    }
    if (clientId == null) {
      throw new IllegalStateException("environment variable " + CLIENT_ID + " is not set or is blank (" + CLIENT_SECRET
          + " is set)");
    }
    if (clientSecret == null) {
      throw new IllegalStateException("environment variable " + CLIENT_SECRET + " is not set or is blank ("
          + CLIENT_ID + " is set)");
    }
    return OAuthCredentials.builder()
        .tokenEndpoint(tokenEndpoint.apply(host()))
        .clientId(clientId)
        .clientSecret(clientSecret)
        .allowInsecureHttp(allowInsecureHttp)
        .build();
  }

  private String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw new IllegalStateException("environment variable " + name + " is not set or is blank");
    }
    return value;
  }

  private String optional(String name) {
    String value = environment.get(name);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
