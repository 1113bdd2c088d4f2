package dev.dbscim.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.impl.NullsConstantProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.dbscim.core.json.SchemaUrns;
import java.io.IOException;

/**
 * Reads string values as Jackson does, but returns one shared instance for the few values that recur in every
 * resource (schema URNs, {@code "work"}, {@code "direct"}, {@code "User"} and the like) instead of a new string each
 * time. The value read is equal either way; only identity differs. {@link BuilderSetters} uses it for the string
 * attributes of the models.
 *
 * <p>Not public API; may change without notice.
 */
final class CommonStrings extends StdDeserializer<String> {
  private static final long serialVersionUID = 1L;
  private static final String[] VALUES = {SchemaUrns.USER, SchemaUrns.WORKSPACE_USER, SchemaUrns.ENTERPRISE_USER,
      SchemaUrns.GROUP, SchemaUrns.SERVICE_PRINCIPAL, SchemaUrns.PATCH_OP, SchemaUrns.LIST_RESPONSE, SchemaUrns.ERROR,
      "work", "home", "other", "direct", "indirect", "User", "Group", "ServicePrincipal"};
  /** The values by length; null where no value has that length. */
  private static final String[][] BY_LENGTH = byLength();

  /** Reads what Jackson reads for anything but a JSON string; null when it reads elements of a string list. */
  private final transient JsonDeserializer<?> other;

  private CommonStrings(JsonDeserializer<?> other) {
    super(String.class);
    this.other = other;
  }

  /** Returns a reader of plain string attributes: {@code other} (Jackson's string reader) for anything but a string. */
  static CommonStrings over(JsonDeserializer<?> other) {
    return new CommonStrings(other);
  }

  /**
   * Returns a reader of the elements of a string list, as Jackson's {@code StringCollectionDeserializer} reads them with
   * {@code null} elements skipped (the caller skips JSON {@code null}s).
   */
  static CommonStrings elements() {
    return new CommonStrings(null);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      return text(p);
    }
    if (other == null) {
      return _parseString(p, ctxt, NullsConstantProvider.skipper());
    }
    return (String) other.deserialize(p, ctxt);
  }

  /** Returns the current string token's text, shared when it is one of the common values. */
  static String text(JsonParser p) throws IOException {
    int length = p.getTextLength();
    String[] candidates = length < BY_LENGTH.length ? BY_LENGTH[length] : null;
    if (candidates != null) {
      char[] chars = p.getTextCharacters();
      int offset = p.getTextOffset();
      for (String candidate : candidates) {
        if (matches(candidate, chars, offset)) {
          return candidate;
        }
      }
    }
    return p.getText();
  }

  private static boolean matches(String candidate, char[] chars, int offset) {
    for (int i = candidate.length() - 1; i >= 0; i--) {
      if (chars[offset + i] != candidate.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String[][] byLength() {
    int longest = 0;
    for (String value : VALUES) {
      longest = Math.max(longest, value.length());
    }
    String[][] byLength = new String[longest + 1][];
    for (String value : VALUES) {
      String[] old = byLength[value.length()];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = value;
      byLength[value.length()] = grown;
    }
    return byLength;
  }
}
