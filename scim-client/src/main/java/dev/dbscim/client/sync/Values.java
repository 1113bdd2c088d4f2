package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Copying and checking helpers shared by the directory value types. */
final class Values {
  private Values() {}

  static <T> List<T> copy(Collection<? extends T> values, String name) {
    Objects.requireNonNull(values, name);
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      copy.add(Objects.requireNonNull(value, name + " element"));
    }
    return Collections.unmodifiableList(copy);
  }

  static <T> void addAll(List<T> target, Collection<? extends T> values, String name) {
    Objects.requireNonNull(values, name);
    for (T value : values) {
      target.add(Objects.requireNonNull(value, name + " element"));
    }
  }

  static List<String> entitlementValues(Entitlement... entitlements) {
    List<String> values = new ArrayList<>(entitlements.length);
    for (Entitlement entitlement : entitlements) {
      values.add(Objects.requireNonNull(entitlement, "entitlement").value());
    }
    return values;
  }
}
