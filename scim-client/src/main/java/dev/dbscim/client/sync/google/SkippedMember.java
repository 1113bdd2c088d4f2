package dev.dbscim.client.sync.google;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A member of a Google group that the source left out of the directory, and why. Read them from
 * {@link GoogleLoadReport#skippedMembers()}.
 */
@Value.Immutable
public abstract class SkippedMember {
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

  SkippedMember() {}

  static SkippedMember of(String group, String memberEmail, String memberId, String memberType, Reason reason) {
    return ImmutableSkippedMember.of(group, Optional.ofNullable(memberEmail), Optional.ofNullable(memberId),
        memberType, reason);
  }

  /**
   * Returns the email of the Google group the member belongs to.
   *
   * @return the group's email
   */
  @Value.Parameter
  public abstract String group();

  /**
   * Returns the member's email.
   *
   * @return the email; empty for {@code CUSTOMER} members, which have none
   */
  @Value.Parameter
  public abstract Optional<String> memberEmail();

  /**
   * Returns the member's Google id.
   *
   * @return the id; empty when Google sent none
   */
  @Value.Parameter
  public abstract Optional<String> memberId();

  /**
   * Returns the member type as Google sent it.
   *
   * @return {@code USER}, {@code GROUP}, {@code CUSTOMER}, {@code EXTERNAL} or another value Google may add
   */
  @Value.Parameter
  public abstract String memberType();

  /**
   * Returns why the member was left out.
   *
   * @return the reason
   */
  @Value.Parameter
  public abstract Reason reason();

  @Override
  public String toString() {
    return "SkippedMember{group=" + group() + ", member=" + memberEmail().orElse(memberId().orElse(null))
        + ", type=" + memberType() + ", reason=" + reason() + "}";
  }
}
