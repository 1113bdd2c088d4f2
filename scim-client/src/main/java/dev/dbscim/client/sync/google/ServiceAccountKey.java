package dev.dbscim.client.sync.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.core.json.ScimJson;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The parts of a service-account key file the source uses; the private key never leaves this object as text. */
final class ServiceAccountKey {
  static final URI DEFAULT_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
  private static final ObjectMapper MAPPER = ScimJson.mapper();

  private final String clientEmail;
  private final String privateKeyId;
  private final PrivateKey privateKey;
  private final URI tokenUri;

  private ServiceAccountKey(String clientEmail, String privateKeyId, PrivateKey privateKey, URI tokenUri) {
    this.clientEmail = clientEmail;
    this.privateKeyId = privateKeyId;
    this.privateKey = privateKey;
    this.tokenUri = tokenUri;
  }

  static ServiceAccountKey parse(String json, String what) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // The parser's message may quote the key text, so it is left out.
      throw new IllegalArgumentException("The service-account " + what + " is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("The service-account " + what + " is not a JSON object");
    }
    String type = text(tree, "type");
    if (type != null && !type.equals("service_account")) {
      throw new IllegalArgumentException("The " + what + " is of type \"" + type
          + "\", not a service-account key (\"service_account\")");
    }
    String clientEmail = required(tree, "client_email", what);
    String pem = required(tree, "private_key", what);
    String tokenUri = text(tree, "token_uri");
    URI uri = DEFAULT_TOKEN_URI;
    if (tokenUri != null) {
      try {
        uri = URI.create(tokenUri);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The service-account " + what + " has a malformed token_uri");
      }
    }
    return new ServiceAccountKey(clientEmail, text(tree, "private_key_id"), privateKey(pem, what), uri);
  }

  static PrivateKey privateKey(String pem, String what) {
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("The private_key of the service-account " + what
          + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)");
    }
    String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("The private_key of the service-account " + what
          + " is not a readable RSA key");
    }
  }

  private static String required(JsonNode tree, String name, String what) {
    String value = text(tree, name);
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException("The service-account " + what + " has no " + name);
    }
    return value;
  }

  private static String text(JsonNode tree, String name) {
    JsonNode node = tree.get(name);
    return node == null || !node.isTextual() ? null : node.asText();
  }

  String clientEmail() {
    return clientEmail;
  }

  /** Returns the key id for the JWT header, or {@code null}. */
  String privateKeyId() {
    return privateKeyId;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  URI tokenUri() {
    return tokenUri;
  }

  @Override
  public String toString() {
    return "ServiceAccountKey{clientEmail=" + clientEmail + ", privateKey=****}";
  }
}
