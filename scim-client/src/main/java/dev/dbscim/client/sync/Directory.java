package dev.dbscim.client.sync;

import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * The desired state of an account's identities, as the identity provider sees it: users, service principals, groups
 * with their members, and workspace assignments. A directory is a plain value; {@link #validate(DirectoryLimits)}
 * finds every problem in it before anything is sent, and {@link DirectoryJson} reads and writes its file format.
 *
 * <pre>{@code
 * Directory directory = Directory.builder()
 *     .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").build())
 *     .addGroups(DirectoryGroup.builder("data-eng").memberUsers("ada@example.com").build())
 *     .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofGroup(1001L, "data-eng", WorkspacePermission.USER))
 *     .build();
 * directory.validateOrThrow(DirectoryLimits.databricks());
 * }</pre>
 */
@Value.Immutable
public abstract class Directory {
  private static final Directory EMPTY = builder().build();

  Directory() {}

  /**
   * Returns a builder for a directory.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the empty directory.
   *
   * @return a directory without principals or assignments
   */
  public static Directory empty() {
    return EMPTY;
  }

  /**
   * Returns a builder that starts with this directory's values.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the users.
   *
   * @return the users in directory order; never {@code null}
   */
  public abstract List<DirectoryUser> users();

  /**
   * Returns the service principals.
   *
   * @return the service principals in directory order; never {@code null}
   */
  public abstract List<DirectoryServicePrincipal> servicePrincipals();

  /**
   * Returns the groups.
   *
   * @return the groups in directory order; never {@code null}
   */
  public abstract List<DirectoryGroup> groups();

  /**
   * Returns the workspace assignments.
   *
   * @return the assignments in directory order; never {@code null}
   */
  public abstract List<DirectoryWorkspaceAssignment> workspaceAssignments();

  /**
   * Returns every problem in this directory: blank or malformed values, duplicates, unknown members, entitlements and
   * assignment principals, group cycles, and sizes over the limits.
   *
   * @param limits the size limits to check against, usually {@link DirectoryLimits#databricks()}
   * @return the problems in directory order; empty when the directory is valid
   */
  public List<DirectoryProblem> validate(DirectoryLimits limits) {
    return new DirectoryValidator(this, Objects.requireNonNull(limits, "limits")).validate();
  }

  /**
   * Returns this directory when it has no problems, and otherwise throws with every problem listed.
   *
   * @param limits the size limits to check against, usually {@link DirectoryLimits#databricks()}
   * @return this directory
   * @throws InvalidDirectoryException when {@link #validate(DirectoryLimits)} finds problems
   */
  public Directory validateOrThrow(DirectoryLimits limits) {
    List<DirectoryProblem> problems = validate(limits);
    if (!problems.isEmpty()) {
      throw new InvalidDirectoryException(problems);
    }
    return this;
  }

  /**
   * Returns a short summary: the number of each kind of entry (not the entries themselves, which may be many).
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "Directory{users=" + users().size() + ", servicePrincipals=" + servicePrincipals().size()
        + ", groups=" + groups().size() + ", workspaceAssignments=" + workspaceAssignments().size() + "}";
  }

  /** Builds a {@link Directory}; every collection setter replaces the whole collection. */
  public static final class Builder extends ImmutableDirectory.Builder {
    Builder() {}
  }
}
