package dev.dbscim.client.sync;

import org.immutables.value.Value;

/**
 * One thing wrong with a directory: where it is (a JSON pointer into the directory's JSON form, such as
 * {@code /groups/3/members/users/0}, also used for directories built in code; or, for a source read from other files
 * such as {@link dev.dbscim.client.sync.csv.CsvDirectorySource}, the file and line, such as {@code users.csv:12}), a
 * machine-readable {@link Code}, and a message that names the offending value.
 */
@Value.Immutable
public abstract class DirectoryProblem {
  DirectoryProblem() {}

  /** The kinds of problem. */
  public enum Code {
    /** The text is not JSON. */
    MALFORMED_JSON,
    /** The text is not CSV: an unterminated quote, a stray quote, or a row with more or fewer fields than its header. */
    MALFORMED_CSV,
    /** A value outside the allowed set, such as an {@code active} other than {@code true} or {@code false}. */
    INVALID_VALUE,
    /** A key the format does not define. */
    UNKNOWN_KEY,
    /** A value of the wrong JSON type, such as a number where a string is expected. */
    WRONG_TYPE,
    /** A required key is missing. */
    MISSING_FIELD,
    /** A required value is empty or only whitespace. */
    BLANK_FIELD,
    /** Two users with the same user name, compared ignoring case. */
    DUPLICATE_USER_NAME,
    /** Two service principals with the same application id, compared ignoring case. */
    DUPLICATE_APPLICATION_ID,
    /** Two groups with the same display name, compared ignoring case. */
    DUPLICATE_GROUP_NAME,
    /** Two principals of the same kind with the same external id. */
    DUPLICATE_EXTERNAL_ID,
    /** The same member listed twice in one group. */
    DUPLICATE_MEMBER,
    /** A group member that the directory does not hold. */
    UNKNOWN_MEMBER,
    /** Groups that contain each other, directly or through other groups. */
    GROUP_CYCLE,
    /** An entitlement Databricks does not know. */
    UNKNOWN_ENTITLEMENT,
    /** An application id that is not a UUID. */
    MALFORMED_APPLICATION_ID,
    /** A workspace id that is not positive. */
    INVALID_WORKSPACE_ID,
    /** A workspace permission other than {@code USER} or {@code ADMIN}. */
    INVALID_PERMISSION,
    /** A workspace assignment that names no principal, or more than one. */
    ASSIGNMENT_PRINCIPAL_COUNT,
    /** A workspace assignment for a principal that the directory does not hold. */
    UNKNOWN_ASSIGNMENT_PRINCIPAL,
    /** The same principal assigned to the same workspace twice. */
    DUPLICATE_ASSIGNMENT,
    /** More users and service principals than the limit. */
    TOO_MANY_PRINCIPALS,
    /** More groups than the limit. */
    TOO_MANY_GROUPS,
    /** A value longer than Databricks takes (see {@link DirectoryLimits#MAX_NAME_LENGTH} and the other lengths). */
    VALUE_TOO_LONG
  }

  /**
   * Returns a problem.
   *
   * @param location the JSON pointer of the offending value, {@code ""} for the whole directory, or a
   *     {@code file:line} position for sources read from other files
   * @param code the kind of problem
   * @param message a description that names the offending value
   * @return the problem
   */
  public static DirectoryProblem of(String location, Code code, String message) {
    return ImmutableDirectoryProblem.of(location, code, message);
  }

  /**
   * Returns where the problem is, as a JSON pointer (RFC 6901) into the directory's JSON form, or as a
   * {@code file:line} position for sources read from other files.
   *
   * @return the location, such as {@code /groups/3/members/users/0} or {@code users.csv:12}; {@code ""} for the whole
   *     directory
   */
  @Value.Parameter
  public abstract String location();

  /**
   * Returns the kind of problem.
   *
   * @return the code
   */
  @Value.Parameter
  public abstract Code code();

  /**
   * Returns a description of the problem that names the offending value.
   *
   * @return the message
   */
  @Value.Parameter
  public abstract String message();

  @Override
  public String toString() {
    return (location().isEmpty() ? "/" : location()) + ": " + code() + ": " + message();
  }
}
