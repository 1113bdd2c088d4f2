package dev.dbscim.client.auth;

import java.time.Duration;
import java.time.Instant;

/** An access token with the instants at which it expires and at which a refresh should start. Never printed. */
final class OAuthToken {
  final String accessToken;
  final Instant expiresAt;
  final Instant refreshAt;

  private OAuthToken(String accessToken, Instant expiresAt, Instant refreshAt) {
    this.accessToken = accessToken;
    this.expiresAt = expiresAt;
    this.refreshAt = refreshAt;
  }

  /**
   * Returns a token issued at {@code issuedAt} for {@code lifetime}, refreshed {@code margin} before it expires but
   * never more than half its lifetime early (so a short-lived token is not fetched again on every request).
   */
  static OAuthToken issued(String accessToken, Instant issuedAt, Duration lifetime, Duration margin) {
    Duration half = lifetime.dividedBy(2);
    Duration effectiveMargin = margin.compareTo(half) > 0 ? half : margin;
    Instant expiresAt = issuedAt.plus(lifetime);
    return new OAuthToken(accessToken, expiresAt, expiresAt.minus(effectiveMargin));
  }

  /** Returns this token with the next refresh attempt moved to {@code next}, but not past its expiry. */
  OAuthToken refreshAgainAt(Instant next) {
    return new OAuthToken(accessToken, expiresAt, next.isAfter(expiresAt) ? expiresAt : next);
  }

  boolean needsRefresh(Instant now) {
    return !now.isBefore(refreshAt);
  }

  boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "OAuthToken[****, expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
  }
}
