package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The useful parts of an error answer's body, read leniently: a SCIM error ({@code scimType}, {@code detail}), the
 * Databricks platform form ({@code error_code} as number or string, {@code message}), an OAuth-style
 * {@code error}/{@code error_description}, a plain-text body (its first line), or nothing (HTML, empty, unparsable).
 * Never throws.
 */
final class ErrorBody {
  static final ErrorBody EMPTY = new ErrorBody(null, null, null);

  final String rawScimType;
  final String detail;
  final String errorCode;

  private ErrorBody(String rawScimType, String detail, String errorCode) {
    this.rawScimType = rawScimType;
    this.detail = detail;
    this.errorCode = errorCode;
  }

  static ErrorBody parse(byte[] body, String contentType, ObjectReader treeReader) {
    if (body.length == 0) {
      return EMPTY;
    }
    JsonNode tree = null;
    try {
      tree = treeReader.readTree(body);
    } catch (IOException | RuntimeException notJson) {
      tree = null;
    }
    if (tree != null && tree.isObject()) {
      String detail = firstText(tree, "detail", "message", "error_description");
      String errorCode = firstText(tree, "error_code", "errorCode", "error");
      return new ErrorBody(text(tree.get("scimType")), detail, errorCode);
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("text/plain")) {
      String text = new String(body, StandardCharsets.UTF_8).trim();
      int newline = text.indexOf('\n');
      return new ErrorBody(null, newline < 0 ? text : text.substring(0, newline), null);
    }
    return EMPTY;
  }

  private static String firstText(JsonNode tree, String... names) {
    for (String name : names) {
      String value = text(tree.get(name));
      if (value != null && !value.trim().isEmpty() && !value.trim().equals("null")) {
        return value;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      return null;
    }
    return node.asText();
  }
}
