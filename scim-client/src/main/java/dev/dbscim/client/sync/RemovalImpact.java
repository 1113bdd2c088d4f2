package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspaceObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What goes with one principal that a plan deactivates or deletes (or, when asked, that loses access to a
 * workspace): what it owns, created or runs in each workspace read, and the workspaces that could not be read. An
 * empty {@link #workspaces()} with no {@link #unreadWorkspaces()} means it owns nothing there. Immutable.
 */
@Value.Immutable
public abstract class RemovalImpact {
  /** Why the principal is checked. */
  public enum Cause {
    /** The plan deactivates it. */
    DEACTIVATE,
    /** The plan deletes it. */
    DELETE,
    /** It loses all access to a workspace (checked there only; see {@link ImpactOptions#accessLosses()}). */
    ACCESS_LOSS
  }

  RemovalImpact() {}

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the user or service principal.
   *
   * @return the principal
   */
  public abstract PrincipalRef principal();

  /**
   * Returns why it is checked.
   *
   * @return the cause
   */
  public abstract Cause cause();

  /**
   * Returns what it has in each workspace read where it has something.
   *
   * @return the objects per workspace
   */
  public abstract List<OwnedObjects> workspaces();

  /**
   * Returns the workspaces (labels, with the reason) where what it has could not be read, such as
   * {@code workspace 1003 (no credentials configured)}.
   *
   * @return the unread workspaces
   */
  public abstract List<String> unreadWorkspaces();

  /**
   * Returns every object that stops working when the principal goes, at an instant.
   *
   * @param now the instant (a plan uses the time it was made)
   * @return the active objects, across workspaces
   */
  public List<WorkspaceObject> breaking(Instant now) {
    List<WorkspaceObject> breaking = new ArrayList<>();
    for (OwnedObjects owned : workspaces()) {
      breaking.addAll(owned.active(now));
    }
    return breaking;
  }

  /**
   * Returns the impact as people read it, such as {@code bob@example.com owns 3 jobs (2 scheduled), 1 running cluster,
   * 4 active tokens in workspace 1001}.
   *
   * @param now the instant tokens' expiry is judged at
   * @return the summary
   */
  public String summary(Instant now) {
    return ImpactText.removal(this, now);
  }

  /** Builds a {@link RemovalImpact}; {@code build()} checks the values. */
  public static final class Builder extends ImmutableRemovalImpact.Builder {
    Builder() {}
  }
}
