package dev.dbscim.client.sync.csv;

import dev.dbscim.client.sync.DirectoryProblem;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: fields separated by commas, records by CRLF, LF or CR; a field in double quotes
 * may hold commas, line breaks and doubled quotes. A leading UTF-8 byte order mark is skipped and lines that are
 * completely empty are ignored. Malformed records are reported and skipped; reading goes on with the next record.
 */
final class CsvRecords {
  /** One record and the line it starts on (1-based). */
  static final class Record {
    final int line;
    final List<String> fields;

    Record(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }
  }

  private static final int EOF = -1;

  private final Reader reader;
  private final String file;
  private final List<DirectoryProblem> problems;
  private int line = 1;
  private int pushedBack = -2;
  private boolean first = true;

  CsvRecords(Reader reader, String file, List<DirectoryProblem> problems) {
    this.reader = reader;
    this.file = file;
    this.problems = problems;
  }

  /** Returns the next well-formed record, or {@code null} at the end of the text. */
  Record next() throws IOException {
    while (true) {
      int c = read();
      if (c == EOF) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        endOfLine(c);
        continue;
      }
      pushBack(c);
      int startLine = line;
      List<String> fields = new ArrayList<>();
      String error = readRecord(fields);
      if (error == null) {
        return new Record(startLine, fields);
      }
      problems.add(DirectoryProblem.of(file + ":" + startLine, DirectoryProblem.Code.MALFORMED_CSV, error));
    }
  }

  /** Reads fields up to the end of the record; returns an error message (after skipping the rest) or null. */
  private String readRecord(List<String> fields) throws IOException {
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = read();
      if (c == '"' && field.length() == 0) {
        int quoteLine = line;
        while (true) {
          c = read();
          if (c == EOF) {
            return "a quoted field opened on line " + quoteLine + " is never closed";
          }
          if (c == '"') {
            int after = read();
            if (after == '"') {
              field.append('"');
              continue;
            }
            c = after;
            break;
          }
          if (c == '\r' || c == '\n') {
            endOfLine(c);
            field.append('\n');
            continue;
          }
          field.append((char) c);
        }
        if (c != ',' && c != '\r' && c != '\n' && c != EOF) {
          skipRestOfRecord(c);
          return "text after the closing quote of field " + (fields.size() + 1);
        }
        fields.add(field.toString());
        field.setLength(0);
        if (c == ',') {
          if (peekEndOfRecord()) {
            fields.add("");
            return finishRecord();
          }
          continue;
        }
        return endRecord(c);
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        if (peekEndOfRecord()) {
          fields.add("");
          return finishRecord();
        }
        continue;
      }
      if (c == '\r' || c == '\n' || c == EOF) {
        fields.add(field.toString());
        return endRecord(c);
      }
      if (c == '"') {
        skipRestOfRecord(c);
        return "a double quote inside unquoted field " + (fields.size() + 1)
            + " (quote the whole field and double the quote)";
      }
      field.append((char) c);
    }
  }

  private boolean peekEndOfRecord() throws IOException {
    int c = read();
    pushBack(c);
    return c == '\r' || c == '\n' || c == EOF;
  }

  private String finishRecord() throws IOException {
    return endRecord(read());
  }

  private String endRecord(int c) throws IOException {
    if (c == '\r' || c == '\n') {
      endOfLine(c);
    }
    return null;
  }

  private void skipRestOfRecord(int c) throws IOException {
    while (c != '\r' && c != '\n' && c != EOF) {
      c = read();
    }
    if (c != EOF) {
      endOfLine(c);
    }
  }

  /** Consumes the LF of a CRLF pair and counts the line. */
  private void endOfLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        pushBack(next);
      }
    }
    line++;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = reader.read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = reader.read();
      }
    }
    return c;
  }

  private void pushBack(int c) {
    pushedBack = c;
  }
}
