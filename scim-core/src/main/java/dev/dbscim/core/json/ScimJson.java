package dev.dbscim.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dbscim.core.internal.BuilderSetters;
import java.io.UncheckedIOException;

/**
 * The only place where dbscim configures Jackson.
 *
 * <p>The configuration: {@code Optional} and {@code java.time} support, ISO-8601 dates, attribute names matched
 * case-insensitively on read (RFC 7643 section 2.1), explicit {@code null} values skipped (treated as absent), unknown
 * attributes kept by the models (never ignored), empty optionals and lists left out on write.
 *
 * <pre>{@code
 * ObjectMapper mapper = ScimJson.mapper();
 * User ada = mapper.readValue(json, User.class);
 * String back = mapper.writeValueAsString(ada.toBuilder().displayName("Ada L.").build());
 * }</pre>
 */
public final class ScimJson {
  private static final ObjectMapper SHARED = mapper();

  private ScimJson() {}

  /**
   * Returns a new, fully configured mapper. Each call builds a new instance, so callers may change it freely; prefer
   * keeping one per component, since building a mapper is expensive.
   *
   * @return a new mapper with dbscim's configuration
   */
  public static ObjectMapper mapper() {
    return configure(JsonMapper.builder().build());
  }

  /**
   * Applies dbscim's configuration to a mapper the caller owns, and returns it.
   *
   * @param mapper the mapper to configure
   * @return the same mapper
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return settings(mapper).registerModule(new BuilderSetters());
  }

  /**
   * Applies the settings without {@link BuilderSetters}: Jackson's plain builder binding, which reads what the configured
   * mapper reads (the tests compare both), only slower.
   */
  @SuppressWarnings("deprecation") // ObjectMapper.configure(MapperFeature) is the only way on an existing instance
  static ObjectMapper settings(ObjectMapper mapper) {
    mapper.registerModule(new Jdk8Module());
    mapper.registerModule(new JavaTimeModule());
    mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true);
    mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    mapper.configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
    mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    mapper.setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP));
    mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    return mapper;
  }

  /**
   * Converts a value to a JSON tree with dbscim's configuration.
   *
   * @param value any value Jackson can write, such as a model, a list or a map
   * @return the tree; a {@code NullNode} for {@code null}
   */
  public static JsonNode toTree(Object value) {
    return SHARED.valueToTree(value);
  }

  /**
   * Converts a JSON tree to a value of the given type with dbscim's configuration.
   *
   * @param tree the JSON tree
   * @param type the target type
   * @param <T> the target type
   * @return the value, never null
   * @throws IllegalArgumentException when the tree does not fit the type, or is JSON {@code null} for a type other than
   *     {@code JsonNode}
   */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return nonNull(SHARED.treeToValue(tree, type), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("JSON does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads JSON text as a value of the given type with dbscim's configuration.
   *
   * @param json the JSON text
   * @param type the target type
   * @param <T> the target type
   * @return the value, never null
   * @throws IllegalArgumentException when the text is not JSON or does not fit the type; the text {@code null} fits
   *     only {@code JsonNode}
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return nonNull(SHARED.readValue(json, type), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("JSON does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static <T> T nonNull(T value, Class<?> type) {
    if (value == null) {
      throw new IllegalArgumentException("JSON does not fit " + type.getSimpleName() + ": it is null");
    }
    return value;
  }

  /**
   * Writes a value as compact JSON with dbscim's configuration.
   *
   * @param value the value to write
   * @return the JSON text
   * @throws UncheckedIOException when Jackson cannot write the value
   */
  public static String write(Object value) {
    try {
      return SHARED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
