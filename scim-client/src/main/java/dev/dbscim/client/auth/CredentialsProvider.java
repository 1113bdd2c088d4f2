package dev.dbscim.client.auth;

/**
 * Supplies the bearer token sent as {@code Authorization: Bearer <token>} on every request.
 *
 * <p>The client calls {@link #bearerToken()} for every attempt, so a provider that reads a rotated secret (a new
 * account SCIM token; the old one keeps working for 24 hours) is picked up without a restart. When the service answers
 * 401, the client calls {@link #invalidate(String)} with the refused token and then asks once more; if the new token
 * differs, the request is retried once with it.
 *
 * <p>Implementations must be thread-safe and must never reveal the token in {@code toString()}.
 */
public interface CredentialsProvider {
  /**
   * Returns the token to send now. Called on every attempt, from any thread.
   *
   * <p>When no token can be obtained (for example the OAuth token endpoint failed), implementations throw a
   * {@code ScimClientException}, never a checked exception.
   *
   * @return the bearer token, without the {@code Bearer } prefix
   */
  String bearerToken();

  /**
   * Tells the provider that the service refused {@code refusedToken} with 401, so a cached token should be dropped.
   * The default does nothing.
   *
   * @param refusedToken the token that was refused
   */
  default void invalidate(String refusedToken) {}
}
