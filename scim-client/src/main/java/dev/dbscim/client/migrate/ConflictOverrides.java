package dev.dbscim.client.migrate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.dbscim.client.internal.Utf8Text;
import dev.dbscim.client.internal.ValueStyle;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The values an admin chose for principals the workspaces disagree on ({@link AttributeConflict}s), per principal and
 * attribute; they win over the {@link ConflictRule}. Immutable.
 *
 * <p>The file format ({@link #read(Path)}), UTF-8 JSON; every key is optional:
 *
 * <pre>{@code
 * {
 *   "users": { "ada@example.com": { "displayName": "Ada Lovelace", "familyName": "Lovelace" } },
 *   "servicePrincipals": { "6f1b2c3d-0000-4000-8000-00000000000b": { "displayName": "etl" } },
 *   "groups": { "data-eng": { "externalId": "idp-de" } }
 * }
 * }</pre>
 *
 * <p>Users are named by {@code userName} (any case), service principals by {@code applicationId}, groups by
 * {@code displayName}. Attributes: {@code displayName}, {@code givenName}, {@code familyName}, {@code externalId} for
 * users; {@code displayName}, {@code externalId} for service principals; {@code externalId} for groups. Values are
 * strings. An entry for an attribute the workspaces agree on is ignored with a warning in the plan.
 */
@Value.Immutable
@ValueStyle
public abstract class ConflictOverrides {
  private static final String NOT_A_FILE = "not a conflict file: ";

  ConflictOverrides() {}

  /**
   * Returns the overrides, in file order.
   *
   * @return the overrides
   */
  public abstract List<ConflictOverride> overrides();

  /**
   * Returns no overrides.
   *
   * @return an empty set of overrides
   */
  public static ConflictOverrides empty() {
    return builder().build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the value chosen for a principal's attribute.
   *
   * @param kind the kind
   * @param name the principal's name (a {@code userName} matches in any case)
   * @param attribute the attribute
   * @return the value, or empty
   */
  public final Optional<String> find(PrincipalKind kind, String name, String attribute) {
    String key = ConflictOverride.key(kind, name, attribute);
    for (ConflictOverride override : overrides()) {
      if (override.key().equals(key)) {
        return Optional.of(override.value());
      }
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    Set<String> keys = new HashSet<>();
    for (ConflictOverride override : overrides()) {
      if (!keys.add(override.key())) {
        throw new IllegalArgumentException("overrides name the same attribute of a principal twice");
      }
    }
  }

  /**
   * Reads a conflict file (see the class description); a leading byte order mark is skipped.
   *
   * @param file the file
   * @return the overrides
   * @throws IllegalArgumentException when the file is not UTF-8, not JSON or not in this format; the message begins
   *     with "not a conflict file: " and lists every problem with its line and column
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ConflictOverrides read(Path file) {
    String text;
    try {
      text = Utf8Text.read(Objects.requireNonNull(file, "file"));
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new IllegalArgumentException(NOT_A_FILE + "not UTF-8: " + e.getMessage() + "; save the file as UTF-8", e);
    }
    return parse(text);
  }

  /**
   * Reads conflict overrides from JSON text in the file format (see the class description).
   *
   * @param json the text
   * @return the overrides
   * @throws IllegalArgumentException when the text is not in this format; the message begins with
   *     "not a conflict file: " and lists every problem with its line and column
   */
  public static ConflictOverrides parse(String json) {
    Objects.requireNonNull(json, "json");
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    Reader reader = new Reader();
    try (JsonParser parser = ScimJson.mapper().getFactory().createParser(text)) {
      reader.root(parser);
    } catch (JsonEOFException e) {
      reader.problems.add(at(e.getLocation()) + "the text ends early, inside an object or string that is not closed");
    } catch (JsonProcessingException e) {
      reader.problems.add(at(e.getLocation()) + "not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the conflict file", e);
    }
    if (!reader.problems.isEmpty()) {
      StringBuilder message = new StringBuilder(NOT_A_FILE).append(reader.problems.size())
          .append(reader.problems.size() == 1 ? " problem:" : " problems:");
      for (String problem : reader.problems) {
        message.append("\n  - ").append(problem);
      }
      throw new IllegalArgumentException(message.toString());
    }
    return builder().overrides(reader.overrides).build();
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "syntax error";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Walks the tokens so that every problem keeps its line and column. */
  private static final class Reader {
    final List<String> problems = new ArrayList<>();
    final List<ConflictOverride> overrides = new ArrayList<>();
    final Set<String> keys = new HashSet<>();

    void root(JsonParser parser) throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problems.add(at(parser.getTokenLocation()) + "the file must hold one JSON object, with \"users\", "
            + "\"servicePrincipals\" and/or \"groups\"");
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.getCurrentName();
        JsonLocation where = parser.getTokenLocation();
        parser.nextToken();
        PrincipalKind kind = "users".equals(field) ? PrincipalKind.USER
            : "servicePrincipals".equals(field) ? PrincipalKind.SERVICE_PRINCIPAL
            : "groups".equals(field) ? PrincipalKind.GROUP : null;
        if (kind == null) {
          problems.add(at(where) + "unknown key \"" + field + "\"; the keys are \"users\", \"servicePrincipals\" "
              + "and \"groups\"");
          parser.skipChildren();
        } else if (!expectObject(parser, "\"" + field + "\"")) {
          parser.skipChildren();
        } else {
          principals(parser, kind);
        }
      }
      if (parser.nextToken() != null) {
        problems.add(at(parser.getTokenLocation()) + "more after the end of the object");
      }
    }

    private void principals(JsonParser parser, PrincipalKind kind) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName();
        parser.nextToken();
        if (!expectObject(parser, AttributeConflict.kindName(kind) + " \"" + name + "\"")) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String attribute = parser.getCurrentName();
          JsonLocation where = parser.getTokenLocation();
          JsonToken value = parser.nextToken();
          List<String> allowed = ConflictOverride.attributes(kind);
          if (!allowed.contains(attribute)) {
            problems.add(at(where) + "unknown attribute \"" + attribute + "\" of " + AttributeConflict.kindName(kind)
                + " \"" + name + "\"; the attributes are " + allowed);
            parser.skipChildren();
          } else if (value != JsonToken.VALUE_STRING || parser.getText().trim().isEmpty()) {
            problems.add(at(parser.getTokenLocation()) + "\"" + attribute + "\" of " + AttributeConflict.kindName(kind)
                + " \"" + name + "\" must be a non-empty string");
            parser.skipChildren();
          } else if (name.trim().isEmpty()) {
            problems.add(at(where) + "a " + AttributeConflict.kindName(kind) + " needs a non-empty name");
          } else {
            ConflictOverride override = ConflictOverride.of(kind, name, attribute, parser.getText());
            if (keys.add(override.key())) {
              overrides.add(override);
            } else {
              problems.add(at(where) + "\"" + attribute + "\" of " + AttributeConflict.kindName(kind) + " \"" + name
                  + "\" is given twice");
            }
          }
        }
      }
    }

    private boolean expectObject(JsonParser parser, String what) {
      if (parser.currentToken() == JsonToken.START_OBJECT) {
        return true;
      }
      problems.add(at(parser.getTokenLocation()) + what + " must be an object");
      return false;
    }
  }

  /** Builds {@link ConflictOverrides}. */
  public static final class Builder extends ImmutableConflictOverrides.Builder {
    Builder() {}
  }
}
