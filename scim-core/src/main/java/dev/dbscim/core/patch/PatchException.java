package dev.dbscim.core.patch;

/**
 * Thrown by {@link PatchApplier} when a PATCH request cannot be applied; nothing has been changed when it is thrown.
 *
 * <p>{@link #scimType()} is the RFC 7644 section 3.12 error type a SCIM service answers with status 400. The message
 * names the failing operation's index and path, never its value.
 */
public final class PatchException extends IllegalArgumentException {
  /** The path is malformed or names something the resource cannot hold. */
  public static final String INVALID_PATH = "invalidPath";
  /** The path's filter matched nothing where a match is required, or the path is missing where it is required. */
  public static final String NO_TARGET = "noTarget";
  /** The value has the wrong type or shape for the target. */
  public static final String INVALID_VALUE = "invalidValue";
  /** The operation targets a read-only attribute. */
  public static final String MUTABILITY = "mutability";
  /** The request or a value violates the PATCH syntax, such as a bare string where member objects are required. */
  public static final String INVALID_SYNTAX = "invalidSyntax";

  private static final long serialVersionUID = 1L;

  /** The SCIM error type, one of the constants above. */
  private final String scimType;
  /** The 0-based index of the failing operation in the request. */
  private final int operationIndex;

  PatchException(String scimType, int operationIndex, String message) {
    super(message);
    this.scimType = scimType;
    this.operationIndex = operationIndex;
  }

  /**
   * Returns the SCIM error type: {@code invalidPath}, {@code noTarget}, {@code invalidValue}, {@code mutability} or
   * {@code invalidSyntax}.
   *
   * @return the error type, one of the constants of this class
   */
  public String scimType() {
    return scimType;
  }

  /**
   * Returns the zero-based index of the failing operation in the request, or -1 when the request as a whole is at fault.
   *
   * @return the operation index, or -1
   */
  public int operationIndex() {
    return operationIndex;
  }
}
