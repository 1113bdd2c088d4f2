package dev.dbscim.client.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes files that must be UTF-8, such as directory files: a leading byte order mark is skipped, and bytes that are
 * not UTF-8 (a file saved as Latin-1 or Windows-1252) are reported with their line and byte offset.
 *
 * <p>Not public API; may change without notice.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * Returns a file's text, decoded as UTF-8 without a leading byte order mark.
   *
   * @param file the file
   * @return the text
   * @throws UncheckedIOException when the file cannot be read; the message names the file
   * @throws NotUtf8Exception at the first byte that does not belong to a UTF-8 character
   */
  public static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return decode(bytes);
  }

  /**
   * Returns the bytes decoded as UTF-8, without a leading byte order mark.
   *
   * @param bytes the file's bytes
   * @return the text
   * @throws NotUtf8Exception at the first byte that does not belong to a UTF-8 character
   */
  public static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
    ByteBuffer in = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new NotUtf8Exception(bytes, in.position());
    }
    out.flip();
    return out.toString();
  }

  /** Signals bytes that are not UTF-8; the message names the first such byte, its line and its byte offset. */
  public static final class NotUtf8Exception extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int byteOffset;

    NotUtf8Exception(byte[] bytes, int byteOffset) {
      super(describe(bytes, byteOffset));
      this.line = lineAt(bytes, byteOffset);
      this.byteOffset = byteOffset;
    }

    /**
     * Returns the line (from 1) of the first byte that is not UTF-8.
     *
     * @return the line
     */
    public int line() {
      return line;
    }

    /**
     * Returns the offset (from 0) in the file of the first byte that is not UTF-8.
     *
     * @return the byte offset
     */
    public int byteOffset() {
      return byteOffset;
    }

    private static String describe(byte[] bytes, int offset) {
      String at = "line " + lineAt(bytes, offset) + " (byte offset " + offset + ")";
      return offset < bytes.length
          ? String.format("the byte 0x%02X at %s cannot be read as UTF-8", bytes[offset] & 0xff, at)
          : "the text ends inside a UTF-8 character at " + at;
    }

    private static int lineAt(byte[] bytes, int offset) {
      int line = 1;
      for (int i = 0; i < offset && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return line;
    }
  }
}
