package dev.dbscim.examples.bench;

/** The {@code --name=value} options of the harnesses; Maven passes {@code -Dbench.args} as one argument. */
final class BenchOptions {
  private BenchOptions() {}

  /** Returns the whole number given as {@code --name=N}, or {@code fallback}. */
  static int integer(String[] args, String name, int fallback) {
    for (String arg : args) {
      for (String part : arg.split("\\s+")) {
        if (part.startsWith("--" + name + "=")) {
          return Integer.parseInt(part.substring(name.length() + 3));
        }
      }
    }
    return fallback;
  }
}
