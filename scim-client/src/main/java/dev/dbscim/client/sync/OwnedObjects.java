package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspaceObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What one principal owns, created or runs in one workspace, as far as the plan could read it. Immutable.
 */
@Value.Immutable
public abstract class OwnedObjects {
  OwnedObjects() {}

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the workspace id; empty on a workspace target, whose workspace is the plan's target.
   *
   * @return the workspace id
   */
  public abstract OptionalLong workspaceId();

  /**
   * Returns the objects, by kind in {@link WorkspaceObject.Kind} order.
   *
   * @return the objects
   */
  public abstract List<WorkspaceObject> objects();

  /**
   * Returns the objects that are {@linkplain WorkspaceObject#activeAt(Instant) active} at an instant: what stops
   * working when the principal goes.
   *
   * @param now the instant (a plan uses the time it was made)
   * @return the active objects
   */
  public List<WorkspaceObject> active(Instant now) {
    List<WorkspaceObject> active = new ArrayList<>();
    for (WorkspaceObject object : objects()) {
      if (object.activeAt(now)) {
        active.add(object);
      }
    }
    return active;
  }

  /**
   * Returns the workspace as people read it: {@code workspace 1001}, or {@code the workspace} on a workspace target.
   *
   * @return the label
   */
  public String label() {
    return ImpactText.workspace(workspaceId());
  }

  /**
   * Returns the counts per kind, such as {@code 3 jobs (2 scheduled), 1 running cluster, 4 active tokens in
   * workspace 1001}.
   *
   * @param now the instant tokens' expiry is judged at
   * @return the summary
   */
  public String summary(Instant now) {
    return ImpactText.countsByKind(objects(), now) + " in " + label();
  }

  /** Builds a {@link OwnedObjects}; {@code build()} checks the values. */
  public static final class Builder extends ImmutableOwnedObjects.Builder {
    Builder() {}
  }
}
