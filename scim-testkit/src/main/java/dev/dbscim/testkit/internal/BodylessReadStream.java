package dev.dbscim.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bytes of an accepted HTTP/1.1 connection with the body of every {@code GET} and {@code HEAD} request taken out,
 * together with its {@code Content-Length} or {@code Transfer-Encoding} header.
 *
 * <p>MockWebServer 5.5.1 reads such a body and then fails the request with {@code IllegalArgumentException("Request
 * must not have a body")} in {@code MockWebServer.readRequest}. That is not an {@code IOException}, so the connection
 * task dies before the dispatcher runs, the socket stays open and the client waits for an answer that never comes.
 * Microsoft's SCIM validator sends a GET with a body, and RFC 9110 §9.3.1 gives such a body no meaning, so the fake
 * drops it here and answers the request like the same GET without a body.
 *
 * <p>The stream follows the framing of every request (head, then a fixed-length or chunked body) so that keep-alive
 * requests after the one it changed are still found. Bodies of other methods pass unchanged, byte for byte. A head
 * longer than {@value #MAX_HEAD} bytes or framing it cannot read makes it stop looking and pass the rest of the
 * connection unchanged, so MockWebServer reports the request as it would have without this stream.
 */
final class BodylessReadStream extends InputStream {
  private static final int MAX_HEAD = 64 * 1024;

  private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, PASS }

  private final InputStream in;
  private final byte[] readBuffer = new byte[8192];
  private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(16);
  private byte[] pending = new byte[8192];
  private int pendingStart;
  private int pendingEnd;
  private State state = State.HEAD;
  private int lineLength;
  private byte previous;
  private long remaining;
  private boolean dropping;
  private boolean eof;

  BodylessReadStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (pendingStart == pendingEnd) {
      if (eof) {
        return -1;
      }
      int n = in.read(readBuffer, 0, readBuffer.length);
      if (n < 0) {
        eof = true;
        emit(head.toByteArray(), 0, head.size());
        head.reset();
      } else {
        feed(readBuffer, n);
      }
    }
    int n = Math.min(length, pendingEnd - pendingStart);
    System.arraycopy(pending, pendingStart, buffer, offset, n);
    pendingStart += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return pendingEnd - pendingStart;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void feed(byte[] bytes, int count) {
    int i = 0;
    while (i < count) {
      switch (state) {
        case PASS:
          emit(bytes, i, count - i);
          i = count;
          break;
        case FIXED:
        case CHUNK_DATA:
          int take = (int) Math.min(remaining, count - i);
          if (!dropping) {
            emit(bytes, i, take);
          }
          i += take;
          remaining -= take;
          if (remaining == 0) {
            state = state == State.FIXED ? State.HEAD : State.CHUNK_END;
          }
          break;
        case HEAD:
          headByte(bytes[i++]);
          break;
        default:
          chunkByte(bytes[i++]);
          break;
      }
    }
  }

  private void headByte(byte b) {
    head.write(b);
    byte before = previous;
    previous = b;
    if (b != '\n') {
      lineLength++;
      if (head.size() > MAX_HEAD) {
        passTheRest();
      }
      return;
    }
    boolean emptyLine = lineLength == 0 || (lineLength == 1 && before == '\r');
    lineLength = 0;
    if (!emptyLine) {
      return;
    }
    byte[] bytes = head.toByteArray();
    head.reset();
    if (bytes.length <= 2) {
      // An empty line before any request line: MockWebServer rejects it, as it would without this stream.
      emit(bytes, 0, bytes.length);
      return;
    }
    requestHead(bytes);
  }

  /** Reads the framing of one complete request head, the way MockWebServer does, and emits the head. */
  private void requestHead(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\n", -1);
    String method = lines[0].trim();
    int space = method.indexOf(' ');
    method = space < 0 ? method : method.substring(0, space);
    long contentLength = -1;
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      String header = lines[i].trim().toLowerCase(Locale.ROOT);
      if (contentLength == -1 && header.startsWith("content-length:")) {
        try {
          contentLength = Long.parseLong(header.substring(15).trim());
        } catch (NumberFormatException e) {
          emit(bytes, 0, bytes.length);
          passTheRest();
          return;
        }
      } else if (header.startsWith("transfer-encoding:") && header.substring(18).trim().equals("chunked")) {
        chunked = true;
      }
    }
    boolean bodyless = method.equals("GET") || method.equals("HEAD");
    boolean hasBody = contentLength > 0 || (contentLength == -1 && chunked);
    dropping = bodyless && hasBody;
    if (dropping) {
      StringBuilder kept = new StringBuilder(text.length());
      for (int i = 0; i < lines.length - 1; i++) {
        String header = lines[i].trim().toLowerCase(Locale.ROOT);
        if (i == 0 || !(header.startsWith("content-length:") || header.startsWith("transfer-encoding:"))) {
          kept.append(lines[i]).append('\n');
        }
      }
      byte[] changed = kept.toString().getBytes(StandardCharsets.ISO_8859_1);
      emit(changed, 0, changed.length);
    } else {
      emit(bytes, 0, bytes.length);
    }
    if (contentLength > 0) {
      remaining = contentLength;
      state = State.FIXED;
    } else if (contentLength == -1 && chunked) {
      state = State.CHUNK_SIZE;
    }
  }

  /** Follows a chunked body line by line: chunk size, the line end after the data, and the trailer section. */
  private void chunkByte(byte b) {
    if (!dropping) {
      emit(new byte[] {b}, 0, 1);
    }
    if (b != '\n') {
      line.write(b);
      if (line.size() > MAX_HEAD) {
        passTheRest();
      }
      return;
    }
    String text = new String(line.toByteArray(), StandardCharsets.ISO_8859_1).trim();
    line.reset();
    switch (state) {
      case CHUNK_SIZE:
        int semicolon = text.indexOf(';');
        try {
          remaining = Long.parseLong(semicolon < 0 ? text : text.substring(0, semicolon).trim(), 16);
        } catch (NumberFormatException e) {
          passTheRest();
          return;
        }
        state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
        break;
      case CHUNK_END:
        state = State.CHUNK_SIZE;
        break;
      default:
        if (text.isEmpty()) {
          state = State.HEAD;
          dropping = false;
        }
        break;
    }
  }

  private void passTheRest() {
    byte[] held = head.toByteArray();
    head.reset();
    emit(held, 0, held.length);
    state = State.PASS;
  }

  private void emit(byte[] bytes, int offset, int count) {
    if (count == 0) {
      return;
    }
    if (pendingStart == pendingEnd) {
      pendingStart = 0;
      pendingEnd = 0;
    }
    if (pendingEnd + count > pending.length) {
      byte[] larger = new byte[Math.max(pending.length * 2, pendingEnd + count)];
      System.arraycopy(pending, 0, larger, 0, pendingEnd);
      pending = larger;
    }
    System.arraycopy(bytes, offset, pending, pendingEnd, count);
    pendingEnd += count;
  }
}
