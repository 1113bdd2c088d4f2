package dev.dbscim.client.sync;

import dev.dbscim.client.error.SyncException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thrown by {@link SyncEngine#verify(SyncPlan)} and {@link SyncEngine#apply(SyncPlan)}, before anything is sent, when a
 * plan that the engine did not make (such as a saved plan) is no longer exactly what a fresh plan would do: the file
 * was edited, or the target changed since the plan was made. The whole plan is refused; make a new one.
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}.
 */
public final class StalePlanException extends SyncException {
  private static final long serialVersionUID = 1L;

  /** How many differences the message lists; {@link #differences()} has them all. */
  public static final int LISTED_DIFFERENCES = 20;

  /** The differences, each a sentence fragment. */
  private final ArrayList<String> differences;

  /**
   * Creates the exception.
   *
   * @param differences the differences between the plan and a fresh plan; at least one
   */
  public StalePlanException(List<String> differences) {
    super(message(differences), null);
    this.differences = new ArrayList<>(differences);
  }

  /**
   * Returns every difference between the plan and a fresh plan, in the plan's order.
   *
   * @return the differences
   */
  public List<String> differences() {
    return Collections.unmodifiableList(differences);
  }

  private static String message(List<String> differences) {
    StringBuilder message = new StringBuilder("The plan is not what a fresh plan would do now (it was changed, or ")
        .append("the target changed since it was made), so nothing was sent; make a new plan. ")
        .append(differences.size()).append(differences.size() == 1 ? " difference:" : " differences:");
    return Values.appendListed(message, differences, LISTED_DIFFERENCES, "  - ", "").toString();
  }
}
