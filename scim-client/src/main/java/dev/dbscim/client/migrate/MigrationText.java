package dev.dbscim.client.migrate;

import java.util.List;

/** Renders text tables for migration plans and reports. */
final class MigrationText {
  private MigrationText() {}

  static String table(String[] header, List<String[]> rows) {
    int[] widths = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      widths[c] = header[c].length();
    }
    for (String[] row : rows) {
      for (int c = 0; c < row.length - 1; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, header, widths);
    for (int c = 0; c < header.length; c++) {
      out.append(c == 0 ? "" : "  ").append(repeat('-', c == header.length - 1 ? Math.max(6, header[c].length())
          : widths[c]));
    }
    out.append('\n');
    for (String[] row : rows) {
      appendRow(out, row, widths);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, String[] row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      line.append(row[c]);
      if (c < row.length - 1) {
        line.append(repeat(' ', widths[c] - row[c].length()));
      }
    }
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    out.append(line, 0, end).append('\n');
  }

  private static String repeat(char c, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(c);
    }
    return out.toString();
  }
}
