package dev.dbscim.client.sync.google;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** One RSA key pair per test run (generating one takes tens of milliseconds) and key-file JSON around it. */
final class TestKeys {
  static final KeyPair PAIR = generate();

  private TestKeys() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem() {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PAIR.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  static String keyJson(String clientEmail, String tokenUri) {
    return "{\"type\":\"service_account\",\"project_id\":\"p\",\"private_key_id\":\"kid-1\","
        + "\"private_key\":\"" + pem().replace("\n", "\\n") + "\",\"client_email\":\"" + clientEmail + "\","
        + "\"token_uri\":\"" + tokenUri + "\"}";
  }
}
