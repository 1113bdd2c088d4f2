package dev.dbscim.client.migrate;

import dev.dbscim.client.internal.ValueStyle;
import dev.dbscim.client.sync.PrincipalKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One principal with different values of one mapped attribute in different workspaces, as a
 * {@link WorkspaceToAccountMigration} found it: the value per workspace, the account's current value, and how (or
 * whether) the conflict is settled. Immutable.
 *
 * <p>Mapped attributes: {@code displayName}, {@code givenName}, {@code familyName} and {@code externalId} of users,
 * {@code displayName} and {@code externalId} of service principals, {@code externalId} of workspace-local groups. A
 * workspace without a value does not take part; {@code active} is never a conflict (active wins).
 */
@Value.Immutable
@ValueStyle
public abstract class AttributeConflict {
  AttributeConflict() {}

  /**
   * Returns the kind of principal.
   *
   * @return the kind
   */
  public abstract PrincipalKind kind();

  /**
   * Returns the principal's name: the {@code userName} of a user, the {@code applicationId} of a service principal,
   * the {@code displayName} of a group.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the attribute, such as {@code displayName}.
   *
   * @return the attribute name
   */
  public abstract String attribute();

  /**
   * Returns the value per workspace id, in ascending workspace id order; at least two values differ.
   *
   * @return the values
   */
  public abstract Map<Long, String> workspaceValues();

  /**
   * Returns whether the principal exists at account level.
   *
   * @return whether it exists
   */
  public abstract boolean inAccount();

  /**
   * Returns the account's current value, when the principal exists there with one.
   *
   * @return the value, or empty
   */
  public abstract Optional<String> accountValue();

  /**
   * Returns the value the account-level directory gets, when the conflict is settled.
   *
   * @return the value, or empty while unsettled
   */
  public abstract Optional<String> resolvedValue();

  /**
   * Returns what settled the conflict, such as {@code "override file"}, {@code "KEEP_ACCOUNT"} or
   * {@code "PREFER_WORKSPACES (workspace 1003)"}.
   *
   * @return the description, or empty while unsettled
   */
  public abstract Optional<String> resolvedBy();

  /**
   * Returns whether the conflict is settled.
   *
   * @return whether a value was chosen
   */
  public final boolean resolved() {
    return resolvedValue().isPresent();
  }

  /**
   * Returns one line for people, such as
   * {@code user ada@example.com displayName: 1001 "Ada Lovelace", 1003 "ADA LOVELACE"; account "Ada Lovelace";
   * unresolved}.
   *
   * @return the description
   */
  public final String describe() {
    StringBuilder out = new StringBuilder(kindName(kind())).append(' ').append(name()).append(' ').append(attribute())
        .append(": ").append(workspaceText());
    out.append("; account ").append(inAccount() ? accountValue().map(AttributeConflict::quote).orElse("(none)")
        : "(new)");
    if (resolved()) {
      out.append("; resolved by ").append(resolvedBy().orElse("?")).append(": ").append(quote(resolvedValue().get()));
    } else {
      out.append("; unresolved");
    }
    return out.toString();
  }

  /**
   * Returns the values per workspace as text, such as {@code 1001 "Ada Lovelace", 1003 "ADA LOVELACE"}.
   *
   * @return the text
   */
  final String workspaceText() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Long, String> entry : workspaceValues().entrySet()) {
      out.append(out.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ').append(quote(entry.getValue()));
    }
    return out.toString();
  }

  /** Returns the kind for people: {@code user}, {@code service principal} or {@code group}. */
  static String kindName(PrincipalKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }


  static String quote(String value) {
    return "\"" + value + "\"";
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AttributeConflict}; the migration is the only caller. */
  static final class Builder extends ImmutableAttributeConflict.Builder {}
}
