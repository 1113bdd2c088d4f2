package dev.dbscim.client.error;

import java.time.Duration;

/** The parsed parts of an error answer, gathered before the exception is built. Package-private on purpose. */
final class ServiceFailure {
  private static final int MAX_DETAIL_CHARS = 500;
  private static final int MAX_REQUEST_ID_CHARS = 128;

  final String method;
  final String path;
  final int status;
  final String rawScimType;
  final String detail;
  final String errorCode;
  final String requestId;
  final Duration retryAfter;

  ServiceFailure(String method, String path, int status, String rawScimType, String detail, String errorCode,
      String requestId, Duration retryAfter) {
    this.method = method;
    this.path = path;
    this.status = status;
    this.rawScimType = clean(rawScimType, 100);
    this.detail = clean(detail, MAX_DETAIL_CHARS);
    this.errorCode = clean(errorCode, 100);
    this.requestId = clean(requestId, MAX_REQUEST_ID_CHARS);
    this.retryAfter = retryAfter;
  }

  /** True when the body says the Databricks concurrency limit was hit (sent as a 500, not a 429). */
  boolean requestLimitExceeded() {
    return contains(detail, "REQUEST_LIMIT_EXCEEDED") || contains(errorCode, "REQUEST_LIMIT_EXCEEDED");
  }

  String message(int attempts) {
    StringBuilder text = new StringBuilder(96).append("SCIM ").append(method).append(' ').append(path)
        .append(" -> ").append(status);
    String label = rawScimType;
    if (label == null && errorCode != null && !errorCode.equals(Integer.toString(status))) {
      label = errorCode;
    }
    if (label != null) {
      text.append(' ').append(label);
    }
    if (detail != null) {
      text.append(": ").append(detail);
    }
    text.append(" [");
    if (requestId != null) {
      text.append("requestId=").append(requestId).append(", ");
    }
    return text.append("attempts=").append(attempts).append(']').toString();
  }

  private static boolean contains(String text, String part) {
    return text != null && text.contains(part);
  }

  /** Trims, folds line breaks and control characters into spaces, caps the length; blank or "null" becomes null. */
  private static String clean(String text, int maxChars) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty() || trimmed.equals("null")) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(trimmed.length(), maxChars + 3));
    for (int i = 0; i < trimmed.length() && out.length() < maxChars; i++) {
      char c = trimmed.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (trimmed.length() > maxChars) {
      out.append("...");
    }
    return out.toString();
  }
}
