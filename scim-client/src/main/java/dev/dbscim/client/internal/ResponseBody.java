package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A complete response body as the HTTP client delivered it: its buffers, unjoined. Parsing reads straight from the
 * buffers, so a page of resources is not copied into one array first; {@link #bytes()} joins them only for the callers
 * that need an array (error details, raw responses, wire logging). Not thread-safe; one response, one reader.
 *
 * <p>Not public API; may change without notice.
 */
final class ResponseBody {
  private static final ByteBuffer[] NO_BUFFERS = new ByteBuffer[0];
  private static final byte[] NO_BYTES = new byte[0];
  static final ResponseBody EMPTY = new ResponseBody(NO_BUFFERS, 0);

  private final ByteBuffer[] buffers;
  private final int length;
  private byte[] bytes;

  private ResponseBody(ByteBuffer[] buffers, int length) {
    this.buffers = buffers;
    this.length = length;
    if (length == 0) {
      bytes = NO_BYTES;
    }
  }

  /**
   * Returns a body over the given buffers, from their positions to their limits; the buffers must not change after.
   *
   * @param buffers the buffers in order
   * @param length the sum of their remaining bytes
   * @return the body
   */
  static ResponseBody of(List<ByteBuffer> buffers, long length) {
    if (length == 0) {
      return EMPTY;
    }
    return new ResponseBody(buffers.toArray(NO_BUFFERS), (int) length);
  }

  /**
   * Returns a body holding the given bytes.
   *
   * @param bytes the bytes; not copied
   * @return the body
   */
  static ResponseBody of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : of(List.of(ByteBuffer.wrap(bytes)), bytes.length);
  }

  /** Returns the number of bytes. */
  int length() {
    return length;
  }

  /** Returns the byte at an index, 0 to {@code length() - 1}. */
  byte byteAt(int index) {
    if (bytes != null) {
      return bytes[index];
    }
    int rest = index;
    for (ByteBuffer buffer : buffers) {
      if (rest < buffer.remaining()) {
        return buffer.get(buffer.position() + rest);
      }
      rest -= buffer.remaining();
    }
    throw new IndexOutOfBoundsException("index " + index + " of " + length);
  }

  /** Returns the bytes joined into one array, made on the first call and shared after; do not change it. */
  byte[] bytes() {
    if (bytes == null) {
      byte[] joined = new byte[length];
      int offset = 0;
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        buffer.duplicate().get(joined, offset, n);
        offset += n;
      }
      bytes = joined;
    }
    return bytes;
  }

  /**
   * Returns the body read by the given reader, parsed from the buffers without joining them.
   *
   * @param reader the reader of the target type
   * @param <T> the target type
   * @return the value; {@code null} for a JSON {@code null}
   * @throws IOException when the body is not JSON or does not fit the type
   */
  <T> T read(ObjectReader reader) throws IOException {
    if (bytes != null) {
      return reader.readValue(bytes);
    }
    if (buffers.length == 1 && buffers[0].hasArray()) {
      ByteBuffer only = buffers[0];
      return reader.readValue(only.array(), only.arrayOffset() + only.position(), only.remaining());
    }
    return reader.readValue(new BuffersInputStream(buffers));
  }

  /** Streams the buffers in order without changing their positions. */
  private static final class BuffersInputStream extends InputStream {
    private final ByteBuffer[] buffers;
    private int index;
    private ByteBuffer current;

    BuffersInputStream(ByteBuffer[] buffers) {
      this.buffers = buffers;
    }

    private ByteBuffer current() {
      while (current == null || !current.hasRemaining()) {
        if (index == buffers.length) {
          return null;
        }
        current = buffers[index++].duplicate();
      }
      return current;
    }

    @Override
    public int read() {
      ByteBuffer buffer = current();
      return buffer == null ? -1 : buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      ByteBuffer buffer = current();
      if (buffer == null) {
        return -1;
      }
      int n = Math.min(length, buffer.remaining());
      buffer.get(target, offset, n);
      return n;
    }

    @Override
    public int available() {
      ByteBuffer buffer = current();
      return buffer == null ? 0 : buffer.remaining();
    }
  }
}
