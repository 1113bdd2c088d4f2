package dev.dbscim.client.sync.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Builds the RS256-signed JWT a service account exchanges for an access token (RFC 7523, Google's two-legged flow). */
final class JwtAssertion {
  static final Duration LIFETIME = Duration.ofHours(1);
  /**
   * The {@code aud} Google requires in a JWT exchanged for an access token, whichever endpoint the JWT is posted to
   * (a proxy, a private endpoint, a fake): Google's OAuth token URL.
   */
  static final String AUDIENCE = "https://oauth2.googleapis.com/token";
  private static final ObjectMapper MAPPER = ScimJson.mapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private JwtAssertion() {}

  /**
   * Returns the signed assertion {@code header.claims.signature}.
   *
   * @param issuer the service account's email ({@code iss})
   * @param subject the user to impersonate ({@code sub})
   * @param scopes the scopes, joined with spaces ({@code scope}); {@code aud} is always {@link #AUDIENCE}
   * @param now the issue time ({@code iat}); {@code exp} is one hour later
   */
  static String sign(String issuer, String keyId, PrivateKey key, String subject, List<String> scopes, Instant now) {
    ObjectNode header = MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    if (keyId != null) {
      header.put("kid", keyId);
    }
    ObjectNode claims = MAPPER.createObjectNode()
        .put("iss", issuer)
        .put("sub", subject)
        .put("scope", String.join(" ", scopes))
        .put("aud", AUDIENCE)
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(LIFETIME).getEpochSecond());
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the service-account JWT with SHA256withRSA: " + e.getClass()
          .getSimpleName());
    }
  }

  private static String encode(ObjectNode json) {
    try {
      return BASE64URL.encodeToString(MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the JWT", e);
    }
  }
}
