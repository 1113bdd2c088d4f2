package dev.dbscim.client.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
public final class Directory {
  private static final Directory EMPTY = builder().build();

  private final List<DirectoryUser> users;
  private final List<DirectoryServicePrincipal> servicePrincipals;
  private final List<DirectoryGroup> groups;
  private final List<DirectoryWorkspaceAssignment> workspaceAssignments;

  private Directory(Builder builder) {
    this.users = Values.copy(builder.users, "users");
    this.servicePrincipals = Values.copy(builder.servicePrincipals, "servicePrincipals");
    this.groups = Values.copy(builder.groups, "groups");
    this.workspaceAssignments = Values.copy(builder.workspaceAssignments, "workspaceAssignments");
  }

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
  public Builder toBuilder() {
    return new Builder()
        .users(users)
        .servicePrincipals(servicePrincipals)
        .groups(groups)
        .workspaceAssignments(workspaceAssignments);
  }

  /**
   * Returns the users.
   *
   * @return the users in directory order; never {@code null}
   */
  public List<DirectoryUser> users() {
    return users;
  }

  /**
   * Returns the service principals.
   *
   * @return the service principals in directory order; never {@code null}
   */
  public List<DirectoryServicePrincipal> servicePrincipals() {
    return servicePrincipals;
  }

  /**
   * Returns the groups.
   *
   * @return the groups in directory order; never {@code null}
   */
  public List<DirectoryGroup> groups() {
    return groups;
  }

  /**
   * Returns the workspace assignments.
   *
   * @return the assignments in directory order; never {@code null}
   */
  public List<DirectoryWorkspaceAssignment> workspaceAssignments() {
    return workspaceAssignments;
  }

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

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Directory)) {
      return false;
    }
    Directory that = (Directory) other;
    return users.equals(that.users)
        && servicePrincipals.equals(that.servicePrincipals)
        && groups.equals(that.groups)
        && workspaceAssignments.equals(that.workspaceAssignments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(users, servicePrincipals, groups, workspaceAssignments);
  }

  /**
   * Returns a short summary: the number of each kind of entry (not the entries themselves, which may be many).
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "Directory{users=" + users.size() + ", servicePrincipals=" + servicePrincipals.size()
        + ", groups=" + groups.size() + ", workspaceAssignments=" + workspaceAssignments.size() + "}";
  }

  /** Builds a {@link Directory}; every collection setter replaces the whole collection. */
  public static final class Builder {
    private final List<DirectoryUser> users = new ArrayList<>();
    private final List<DirectoryServicePrincipal> servicePrincipals = new ArrayList<>();
    private final List<DirectoryGroup> groups = new ArrayList<>();
    private final List<DirectoryWorkspaceAssignment> workspaceAssignments = new ArrayList<>();

    private Builder() {}

    /**
     * Replaces the users.
     *
     * @param users the users
     * @return this builder
     */
    public Builder users(Collection<DirectoryUser> users) {
      this.users.clear();
      Values.addAll(this.users, users, "users");
      return this;
    }

    /**
     * Adds users.
     *
     * @param users the users to add
     * @return this builder
     */
    public Builder addUsers(DirectoryUser... users) {
      Values.addAll(this.users, Arrays.asList(users), "users");
      return this;
    }

    /**
     * Replaces the service principals.
     *
     * @param servicePrincipals the service principals
     * @return this builder
     */
    public Builder servicePrincipals(Collection<DirectoryServicePrincipal> servicePrincipals) {
      this.servicePrincipals.clear();
      Values.addAll(this.servicePrincipals, servicePrincipals, "servicePrincipals");
      return this;
    }

    /**
     * Adds service principals.
     *
     * @param servicePrincipals the service principals to add
     * @return this builder
     */
    public Builder addServicePrincipals(DirectoryServicePrincipal... servicePrincipals) {
      Values.addAll(this.servicePrincipals, Arrays.asList(servicePrincipals), "servicePrincipals");
      return this;
    }

    /**
     * Replaces the groups.
     *
     * @param groups the groups
     * @return this builder
     */
    public Builder groups(Collection<DirectoryGroup> groups) {
      this.groups.clear();
      Values.addAll(this.groups, groups, "groups");
      return this;
    }

    /**
     * Adds groups.
     *
     * @param groups the groups to add
     * @return this builder
     */
    public Builder addGroups(DirectoryGroup... groups) {
      Values.addAll(this.groups, Arrays.asList(groups), "groups");
      return this;
    }

    /**
     * Replaces the workspace assignments.
     *
     * @param workspaceAssignments the assignments
     * @return this builder
     */
    public Builder workspaceAssignments(Collection<DirectoryWorkspaceAssignment> workspaceAssignments) {
      this.workspaceAssignments.clear();
      Values.addAll(this.workspaceAssignments, workspaceAssignments, "workspaceAssignments");
      return this;
    }

    /**
     * Adds workspace assignments.
     *
     * @param workspaceAssignments the assignments to add
     * @return this builder
     */
    public Builder addWorkspaceAssignments(DirectoryWorkspaceAssignment... workspaceAssignments) {
      Values.addAll(this.workspaceAssignments, Arrays.asList(workspaceAssignments), "workspaceAssignments");
      return this;
    }

    /**
     * Builds the directory. It is not validated here; call {@link Directory#validate(DirectoryLimits)}.
     *
     * @return the directory
     */
    public Directory build() {
      return new Directory(this);
    }
  }
}
