package dev.dbscim.core.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks secrets before anything is logged or recorded: the one list of what counts as a secret, shared by the client
 * (wire logs) and the testkit's fake (its journal of recorded requests), so both mask the same keys.
 *
 * <ul>
 *   <li>Headers: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, and any header
 *       whose name contains {@code token}, {@code secret} or {@code key} (ignoring case).
 *   <li>JSON, at any depth and in any case: {@code password} and any attribute whose name contains {@code password} or
 *       {@code secret} ({@code client_secret}), attributes named like tokens ({@code access_token},
 *       {@code refresh_token}, {@code id_token}, {@code token}), and the {@code value} of a PATCH operation whose
 *       {@code path} names a password (the model's {@code @Value.Redacted} attributes).
 *   <li>Query strings and form bodies: values of parameters whose name contains {@code token}, {@code secret} or
 *       {@code password}.
 * </ul>
 *
 * <p>A low-level building block: public because more than one module uses it. Most code never calls it; the
 * client and the fake apply it themselves.
 */
public final class Redactor {
  /** What every masked value becomes. */
  public static final String MASK = "****";

  private Redactor() {}

  /**
   * Returns whether a header's value must never be shown.
   *
   * @param name the header name, any case
   * @return true for credential-bearing headers
   */
  public static boolean isSensitiveHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("authorization") || lower.equals("proxy-authorization") || lower.equals("cookie")
        || lower.equals("set-cookie") || lower.contains("token") || lower.contains("secret") || lower.contains("key");
  }

  /**
   * Returns a header value fit for logs.
   *
   * @param name the header name
   * @param value the header value
   * @return {@link #MASK} for sensitive headers, otherwise the value
   */
  public static String header(String name, String value) {
    return isSensitiveHeader(name) ? MASK : value;
  }

  /**
   * Returns a copy of the headers with sensitive values masked, in the same order.
   *
   * @param headers the headers by name
   * @return the redacted copy
   */
  public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      List<String> masked = new ArrayList<>(values.size());
      for (String value : values) {
        masked.add(header(name, value));
      }
      copy.put(name, masked);
    });
    return copy;
  }

  /**
   * Returns a path with its query string redacted, such as {@code /token?access_token=****&x=1}.
   *
   * @param pathAndQuery the raw (encoded) path, optionally with {@code ?query}
   * @return the redacted text
   */
  public static String pathAndQuery(String pathAndQuery) {
    int question = pathAndQuery.indexOf('?');
    if (question < 0) {
      return pathAndQuery;
    }
    return pathAndQuery.substring(0, question + 1) + formOrQuery(pathAndQuery.substring(question + 1));
  }

  /**
   * Returns an encoded query string or form body with the values of secret-named parameters masked.
   *
   * @param query the encoded {@code name=value&...} text, without the {@code ?}
   * @return the redacted text
   */
  public static String formOrQuery(String query) {
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      String pair = query.substring(start, end);
      int eq = pair.indexOf('=');
      if (eq >= 0 && isSecretParameter(pair.substring(0, eq))) {
        out.append(pair, 0, eq + 1).append(MASK);
      } else {
        out.append(pair);
      }
      if (amp < 0) {
        break;
      }
      out.append('&');
      start = amp + 1;
    }
    return out.toString();
  }

  /**
   * Returns a deep copy of a JSON tree with secret attributes masked; the input is not changed.
   *
   * @param json the tree
   * @return the redacted copy
   */
  public static JsonNode json(JsonNode json) {
    JsonNode copy = json.deepCopy();
    mask(copy);
    return copy;
  }

  /**
   * Returns a body as text fit for TRACE logs: redacted JSON, a redacted form body, or only its size when it is
   * neither.
   *
   * @param body the body bytes
   * @param mapper the mapper to parse JSON with
   * @return the redacted text
   */
  public static String body(byte[] body, ObjectMapper mapper) {
    if (body.length == 0) {
      return "";
    }
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree != null && !tree.isMissingNode()) {
        return json(tree).toString();
      }
    } catch (IOException notJson) {
      // fall through to the other forms
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.matches("[\\w.%~+*-]+=[^&\\s]*(&[\\w.%~+*-]+=[^&\\s]*)*")) {
      return formOrQuery(text);
    }
    return "<" + body.length + " bytes, not JSON>";
  }

  private static boolean isSecretParameter(String encodedName) {
    String lower = encodedName.toLowerCase(Locale.ROOT);
    return lower.contains("token") || lower.contains("secret") || lower.contains("password");
  }

  private static boolean isSecretAttribute(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return key.contains("password") || key.contains("secret") || key.equals("token") || key.endsWith("accesstoken")
        || key.endsWith("refreshtoken") || key.endsWith("idtoken") || key.endsWith("bearertoken");
  }

  private static void mask(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode path = object.get("path");
      boolean patchesSecret = path != null && path.isTextual() && isSecretAttribute(path.asText())
          && object.has("value");
      List<String> masked = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isSecretAttribute(field.getKey()) || patchesSecret && field.getKey().equals("value")) {
          masked.add(field.getKey());
        } else {
          mask(field.getValue());
        }
      }
      for (String name : masked) {
        object.put(name, MASK);
      }
    } else if (node.isArray()) {
      for (JsonNode element : (ArrayNode) node) {
        mask(element);
      }
    }
  }
}
