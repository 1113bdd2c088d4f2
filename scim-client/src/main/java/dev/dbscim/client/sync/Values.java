package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Entitlement and listing helpers shared by the sync values and their messages. */
final class Values {
  private Values() {}

  static List<String> entitlementValues(Entitlement... entitlements) {
    List<String> values = new ArrayList<>(entitlements.length);
    for (Entitlement entitlement : entitlements) {
      values.add(Objects.requireNonNull(entitlement, "entitlement").value());
    }
    return values;
  }

  /**
   * Appends at most {@code max} items, each on a line of its own after {@code bullet}, then a line counting those left
   * out ("... and 3 more" plus {@code moreNote}).
   */
  static StringBuilder appendListed(StringBuilder text, List<?> items, int max, String bullet, String moreNote) {
    int listed = Math.min(items.size(), max);
    for (int i = 0; i < listed; i++) {
      text.append('\n').append(bullet).append(items.get(i));
    }
    if (items.size() > listed) {
      text.append("\n  ... and ").append(items.size() - listed).append(" more").append(moreNote);
    }
    return text;
  }
}
