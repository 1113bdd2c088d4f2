package dev.dbscim.client.sync;

import dev.dbscim.client.error.SyncException;
import java.util.List;

/**
 * Thrown when a directory has problems; lists every one of them, not just the first. A {@link DirectorySource} of the
 * caller's own may throw it too, with the problems it found in its input.
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}. (It is not an {@link IllegalArgumentException}: a directory with
 * problems is bad data from a source, not a programming error.)
 */
public final class InvalidDirectoryException extends SyncException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_LISTED = 100;

  private final transient List<DirectoryProblem> problems;

  /**
   * Creates the exception; its message lists the first 100 problems.
   *
   * @param problems every problem found, in source order; must not be empty
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public InvalidDirectoryException(List<DirectoryProblem> problems) {
    super(describe(problems), null);
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns every problem found, in directory order.
   *
   * @return the problems; never empty
   */
  public List<DirectoryProblem> problems() {
    return problems;
  }

  private static String describe(List<DirectoryProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    StringBuilder text = new StringBuilder()
        .append("The directory has ").append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    return Values.appendListed(text, problems, MAX_LISTED, "  ", " (see problems())").toString();
  }
}
