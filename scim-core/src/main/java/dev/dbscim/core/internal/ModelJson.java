package dev.dbscim.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.dbscim.core.json.ScimJson;

/**
 * Reads generic model types, such as a page of users, with dbscim's mapper configuration.
 *
 * <p>Not public API; may change without notice.
 */
public final class ModelJson {
  private static final ObjectMapper MAPPER = ScimJson.mapper();

  private ModelJson() {}

  /**
   * Returns the type factory of the shared mapper.
   *
   * @return the type factory
   */
  public static TypeFactory typeFactory() {
    return MAPPER.getTypeFactory();
  }

  /**
   * Returns the value of the given type that the JSON text describes.
   *
   * @param json the JSON text
   * @param type the target type
   * @param what the name of the target used in error messages
   * @param <T> the target type
   * @return the value, never null
   * @throws IllegalArgumentException when the text is not JSON, is JSON {@code null} or does not fit the type
   */
  public static <T> T read(String json, JavaType type, String what) {
    try {
      return nonNull(MAPPER.readValue(json, type), what);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("JSON does not fit " + what + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Returns the value of the given type that the JSON tree describes.
   *
   * @param json the JSON tree
   * @param type the target type
   * @param what the name of the target used in error messages
   * @param <T> the target type
   * @return the value, never null
   * @throws IllegalArgumentException when the tree is JSON {@code null} or does not fit the type
   */
  public static <T> T read(JsonNode json, JavaType type, String what) {
    try {
      return nonNull(MAPPER.readerFor(type).readValue(json), what);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("JSON does not fit " + what + ": " + messageOf(e), e);
    }
  }

  private static <T> T nonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("JSON does not fit " + what + ": it is null");
    }
    return value;
  }

  private static String messageOf(java.io.IOException e) {
    return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
  }
}
