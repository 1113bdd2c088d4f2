package dev.dbscim.testkit;

/**
 * A personal access token seeded with {@link FakeWorkspace#addToken(String, String)}: its id, as the token
 * management API lists it, and its secret value, which authenticates as its owner on that workspace.
 */
public final class FakeToken {
  private final String id;
  private final String value;

  FakeToken(String id, String value) {
    this.id = id;
    this.value = value;
  }

  /**
   * Returns the token id ({@code token_id} in {@code /api/2.0/token-management/tokens}).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the secret value to send as {@code Authorization: Bearer <value>}.
   *
   * @return the secret
   */
  public String value() {
    return value;
  }

  /**
   * Returns the id; the value is masked.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "FakeToken[id=" + id + ", value=****]";
  }
}
