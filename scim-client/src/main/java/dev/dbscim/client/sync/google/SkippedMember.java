package dev.dbscim.client.sync.google;

import java.util.Objects;
import java.util.Optional;

/**
 * A member of a Google group that the source left out of the directory, and why. Read them from
 * {@link GoogleLoadReport#skippedMembers()}.
 */
public final class SkippedMember {
  /** Why a member was left out. */
  public enum Reason {
    /** A member of type {@code EXTERNAL}: an address outside the Google Workspace account. */
    EXTERNAL_MEMBER,
    /** A member of type {@code CUSTOMER}: "everyone in the organization", which Databricks cannot express. */
    CUSTOMER_MEMBER,
    /** A user of the account that is not provisioned (outside the configured scope, or suspended and skipped). */
    USER_NOT_IN_SCOPE,
    /** A nested group that is not provisioned (outside the configured group scope). */
    GROUP_NOT_IN_SCOPE,
    /** A member type the source does not know. */
    UNKNOWN_TYPE
  }

  private final String group;
  private final String memberEmail;
  private final String memberId;
  private final String memberType;
  private final Reason reason;

  SkippedMember(String group, String memberEmail, String memberId, String memberType, Reason reason) {
    this.group = group;
    this.memberEmail = memberEmail;
    this.memberId = memberId;
    this.memberType = memberType;
    this.reason = reason;
  }

  /**
   * Returns the email of the Google group the member belongs to.
   *
   * @return the group's email
   */
  public String group() {
    return group;
  }

  /**
   * Returns the member's email.
   *
   * @return the email; empty for {@code CUSTOMER} members, which have none
   */
  public Optional<String> memberEmail() {
    return Optional.ofNullable(memberEmail);
  }

  /**
   * Returns the member's Google id.
   *
   * @return the id; empty when Google sent none
   */
  public Optional<String> memberId() {
    return Optional.ofNullable(memberId);
  }

  /**
   * Returns the member type as Google sent it.
   *
   * @return {@code USER}, {@code GROUP}, {@code CUSTOMER}, {@code EXTERNAL} or another value Google may add
   */
  public String memberType() {
    return memberType;
  }

  /**
   * Returns why the member was left out.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SkippedMember)) {
      return false;
    }
    SkippedMember that = (SkippedMember) other;
    return group.equals(that.group) && Objects.equals(memberEmail, that.memberEmail)
        && Objects.equals(memberId, that.memberId) && memberType.equals(that.memberType) && reason == that.reason;
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, memberEmail, memberId, memberType, reason);
  }

  @Override
  public String toString() {
    return "SkippedMember{group=" + group + ", member=" + (memberEmail != null ? memberEmail : memberId)
        + ", type=" + memberType + ", reason=" + reason + "}";
  }
}
