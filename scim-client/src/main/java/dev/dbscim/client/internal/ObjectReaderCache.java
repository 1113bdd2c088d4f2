package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one {@link ObjectReader} per target type, so reading a response does not look up Jackson's deserializer
 * caches through a fresh {@code readerFor(..)} each time. A transport and its siblings share one. The number of
 * cached types is capped; past it readers are built per call, as without a cache.
 *
 * <p>Not public API; may change without notice.
 */
final class ObjectReaderCache {
  /** Far more than the SDK's own types; keeps a caller's stream of generated types from growing the cache. */
  private static final int MAX_TYPES = 256;

  private final ObjectMapper mapper;
  private final ConcurrentHashMap<JavaType, ObjectReader> byType = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Class<?>, ObjectReader> byClass = new ConcurrentHashMap<>();

  ObjectReaderCache(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Returns the mapper the readers come from. */
  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Returns the reader for a type.
   *
   * @param type the target type
   * @return the reader
   */
  ObjectReader reader(JavaType type) {
    ObjectReader reader = byType.get(type);
    if (reader != null) {
      return reader;
    }
    reader = mapper.readerFor(type);
    if (byType.size() < MAX_TYPES) {
      ObjectReader raced = byType.putIfAbsent(type, reader);
      return raced == null ? reader : raced;
    }
    return reader;
  }

  /**
   * Returns the reader for a class.
   *
   * @param type the target class
   * @return the reader
   */
  ObjectReader reader(Class<?> type) {
    ObjectReader reader = byClass.get(type);
    if (reader != null) {
      return reader;
    }
    reader = reader(mapper.constructType(type));
    if (byClass.size() < MAX_TYPES) {
      byClass.putIfAbsent(type, reader);
    }
    return reader;
  }
}
