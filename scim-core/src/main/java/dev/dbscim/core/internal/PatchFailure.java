package dev.dbscim.core.internal;

/**
 * Signals that a PATCH operation cannot be applied; the public applier turns it into a {@code PatchException} that names
 * the operation.
 *
 * <p>Not public API; may change without notice.
 */
public final class PatchFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String scimType;

  PatchFailure(String scimType, String message) {
    super(message, null, false, false);
    this.scimType = scimType;
  }

  /**
   * Returns the SCIM error type, such as {@code noTarget}.
   *
   * @return the error type
   */
  public String scimType() {
    return scimType;
  }
}
