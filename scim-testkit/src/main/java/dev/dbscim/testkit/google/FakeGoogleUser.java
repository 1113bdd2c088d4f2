package dev.dbscim.testkit.google;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A user to seed into a {@link FakeGoogleDirectory}: primary email, email aliases, name, state and organizational
 * unit. Immutable.
 *
 * <pre>{@code
 * google.addUser(FakeGoogleUser.builder("ada@example.com").name("Ada", "Lovelace").orgUnitPath("/Eng").build());
 * }</pre>
 */
public final class FakeGoogleUser {
  private final String primaryEmail;
  private final List<String> aliases;
  private final String givenName;
  private final String familyName;
  private final boolean suspended;
  private final boolean archived;
  private final boolean admin;
  private final String orgUnitPath;

  private FakeGoogleUser(Builder builder) {
    this.primaryEmail = builder.primaryEmail;
    this.aliases = builder.aliases;
    this.givenName = builder.givenName;
    this.familyName = builder.familyName;
    this.suspended = builder.suspended;
    this.archived = builder.archived;
    this.admin = builder.admin;
    this.orgUnitPath = builder.orgUnitPath;
  }

  /**
   * Returns a builder for a user with the given primary email; by default active, not an admin, in the root unit
   * {@code /}, named after the email's local part.
   *
   * @param primaryEmail the primary email
   * @return a new builder
   */
  public static Builder builder(String primaryEmail) {
    return new Builder(primaryEmail);
  }

  /**
   * Returns the primary email.
   *
   * @return the email
   */
  public String primaryEmail() {
    return primaryEmail;
  }

  /**
   * Returns the email aliases (alternate addresses), which the users {@code query} field {@code email} also matches.
   *
   * @return the aliases; empty by default
   */
  public List<String> aliases() {
    return aliases;
  }

  /**
   * Returns the given name.
   *
   * @return the given name
   */
  public String givenName() {
    return givenName;
  }

  /**
   * Returns the family name.
   *
   * @return the family name
   */
  public String familyName() {
    return familyName;
  }

  /**
   * Returns whether the user is suspended.
   *
   * @return true when suspended
   */
  public boolean suspended() {
    return suspended;
  }

  /**
   * Returns whether the user is archived.
   *
   * @return true when archived
   */
  public boolean archived() {
    return archived;
  }

  /**
   * Returns whether the user is a super admin, who may be impersonated to read the directory.
   *
   * @return true for an admin
   */
  public boolean admin() {
    return admin;
  }

  /**
   * Returns the organizational unit path.
   *
   * @return the path, such as {@code /Eng}
   */
  public String orgUnitPath() {
    return orgUnitPath;
  }

  @Override
  public String toString() {
    return "FakeGoogleUser{" + primaryEmail + ", orgUnitPath=" + orgUnitPath + (suspended ? ", suspended" : "")
        + (archived ? ", archived" : "") + (admin ? ", admin" : "") + "}";
  }

  /** Builds a {@link FakeGoogleUser}. */
  public static final class Builder {
    private final String primaryEmail;
    private List<String> aliases = List.of();
    private String givenName;
    private String familyName;
    private boolean suspended;
    private boolean archived;
    private boolean admin;
    private String orgUnitPath = "/";

    private Builder(String primaryEmail) {
      this.primaryEmail = Objects.requireNonNull(primaryEmail, "primaryEmail");
      if (primaryEmail.indexOf('@') < 1) {
        throw new IllegalArgumentException("primaryEmail must be an email address");
      }
      String local = primaryEmail.substring(0, primaryEmail.indexOf('@'));
      this.givenName = local;
      this.familyName = "User";
    }

    /**
     * Sets the given and family name; the full name is both joined with a space.
     *
     * @param givenName the given name
     * @param familyName the family name
     * @return this builder
     */
    public Builder name(String givenName, String familyName) {
      this.givenName = Objects.requireNonNull(givenName, "givenName");
      this.familyName = Objects.requireNonNull(familyName, "familyName");
      return this;
    }

    /**
     * Sets the email aliases, replacing earlier ones. Default none.
     *
     * @param aliases alternate email addresses of the user
     * @return this builder
     */
    public Builder aliases(String... aliases) {
      for (String alias : Arrays.asList(aliases)) {
        if (Objects.requireNonNull(alias, "alias").indexOf('@') < 1) {
          throw new IllegalArgumentException("an alias must be an email address");
        }
      }
      this.aliases = List.of(aliases);
      return this;
    }

    /**
     * Sets whether the user is suspended. Default false.
     *
     * @param suspended true to suspend
     * @return this builder
     */
    public Builder suspended(boolean suspended) {
      this.suspended = suspended;
      return this;
    }

    /**
     * Sets whether the user is archived. Default false.
     *
     * @param archived true to archive
     * @return this builder
     */
    public Builder archived(boolean archived) {
      this.archived = archived;
      return this;
    }

    /**
     * Sets whether the user is a super admin. Default false. Only admins may be impersonated to read the directory.
     *
     * @param admin true for an admin
     * @return this builder
     */
    public Builder admin(boolean admin) {
      this.admin = admin;
      return this;
    }

    /**
     * Sets the organizational unit. Default {@code /}.
     *
     * @param orgUnitPath the path, starting with {@code /}
     * @return this builder
     */
    public Builder orgUnitPath(String orgUnitPath) {
      Objects.requireNonNull(orgUnitPath, "orgUnitPath");
      if (!orgUnitPath.startsWith("/")) {
        throw new IllegalArgumentException("orgUnitPath must start with /");
      }
      this.orgUnitPath = orgUnitPath;
      return this;
    }

    /**
     * Builds the user.
     *
     * @return the user
     */
    public FakeGoogleUser build() {
      return new FakeGoogleUser(this);
    }
  }
}
