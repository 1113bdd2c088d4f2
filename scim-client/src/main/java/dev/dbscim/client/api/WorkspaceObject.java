package dev.dbscim.client.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something in a workspace that a principal owns, created or runs: a personal access token, a job, a cluster, a SQL
 * warehouse, a query, an alert or a dashboard, as read by {@link WorkspaceObjectsApi}. It carries what a
 * deprovisioning check needs (who it is tied to, and whether it is active: what would break if its principal went
 * away). Immutable; for fields it does not carry, read the API with {@link RawApi}.
 */
@Value.Immutable
public abstract class WorkspaceObject {
  /** The kinds of object, each read with one list call (paged where the API pages). */
  public enum Kind {
    /** A job ({@code GET /api/2.2/jobs/list}, 100 per page). */
    JOB("job", "jobs"),
    /** An all-purpose or job cluster ({@code GET /api/2.1/clusters/list}). */
    CLUSTER("cluster", "clusters"),
    /** A personal access token ({@code GET /api/2.0/token-management/tokens}, one page). */
    TOKEN("token", "tokens"),
    /** A SQL warehouse ({@code GET /api/2.0/sql/warehouses}). */
    WAREHOUSE("SQL warehouse", "SQL warehouses"),
    /** A SQL query ({@code GET /api/2.0/sql/queries}). */
    QUERY("query", "queries"),
    /** A SQL alert ({@code GET /api/2.0/sql/alerts}). */
    ALERT("alert", "alerts"),
    /** A legacy SQL dashboard ({@code GET /api/2.0/preview/sql/dashboards}). */
    DASHBOARD("legacy dashboard", "legacy dashboards"),
    /** A Lakeview (AI/BI) dashboard ({@code GET /api/2.0/lakeview/dashboards}); the list names no owner. */
    LAKEVIEW_DASHBOARD("Lakeview dashboard", "Lakeview dashboards");

    private final String singular;
    private final String plural;

    Kind(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }

    /**
     * Returns the kind as people read it, in the singular or the plural, such as {@code job} or {@code jobs}.
     *
     * @param count how many are meant
     * @return the word
     */
    public String label(long count) {
      return count == 1 ? singular : plural;
    }
  }

  WorkspaceObject() {}

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the kind of object.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * Returns the object's id in its API ({@code token_id}, {@code job_id}, {@code cluster_id}, ...).
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns the object's name (a token's comment), empty when it has none.
   *
   * @return the name
   */
  @Value.Default
  public String name() {
    return "";
  }

  /**
   * Returns the principals the object is tied to, as far as the answer named them.
   *
   * @return the ties
   */
  public abstract List<ObjectTie> ties();

  /**
   * Returns whether the object does something on its own that stops when its principal goes away: a token (until it
   * expires, see {@link #activeAt(Instant)}), a job with an unpaused schedule, continuous run or trigger, a cluster
   * that is running (or starting, restarting, resizing), a query that runs as its owner.
   *
   * @return whether it is active
   */
  public abstract boolean active();

  /**
   * Returns when the object stops on its own: a token's expiry; empty when it never expires or the kind has none.
   *
   * @return the expiry
   */
  public abstract Optional<Instant> expiresAt();

  /**
   * Returns a short description of its state for people, such as {@code scheduled}, {@code paused},
   * {@code RUNNING}, {@code run as owner} or {@code expires 2027-01-31}; empty when there is nothing to say.
   *
   * @return the state
   */
  @Value.Default
  public String state() {
    return "";
  }

  /**
   * Returns whether the object is {@linkplain #active() active} and not expired at the given instant.
   *
   * @param now the instant
   * @return whether it is active then
   */
  public boolean activeAt(Instant now) {
    return active() && expiresAt().map(now::isBefore).orElse(true);
  }

  /**
   * Returns the object as people read it, such as {@code job 14 "Nightly ETL" (scheduled) [RUN_AS bob@example.com]}.
   *
   * @return the object in one line
   */
  @Override
  public String toString() {
    return kind().label(1) + " " + id() + (name().isEmpty() ? "" : " \"" + name() + "\"")
        + (state().isEmpty() ? "" : " (" + state() + ")") + " " + ties();
  }

  /** Builds {@link WorkspaceObject}s; {@code kind}, {@code id} and {@code active} are required. Not thread-safe. */
  public static final class Builder extends ImmutableWorkspaceObject.Builder {
    Builder() {}
  }
}
