package dev.dbscim.core.theory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.quicktheories.impl.Constraint;

/**
 * Generators for the property tests, on top of QuickTheories. Every value is drawn from the theory's randomness source,
 * so a failing example shrinks: sizes towards the minimum, choices towards the first option, numbers towards zero.
 */
public final class Gens {
  private static final Constraint[] BITS = new Constraint[33];

  static {
    for (int bits = 1; bits <= 32; bits++) {
      BITS[bits] = Constraint.between(0, (1L << bits) - 1);
    }
  }

  private Gens() {}

  /**
   * Returns a {@link Random} whose every draw comes from the theory's source: code written against {@code Random}
   * becomes a generator whose output shrinks ({@code nextInt(bound)} and {@code nextBoolean()} towards zero and false).
   * Use it only while generating.
   */
  public static Gen<Random> randoms() {
    return SourceRandom::new;
  }

  /** Returns any long. */
  public static Gen<Long> longs() {
    return in -> in.next(Constraint.none());
  }

  /** Returns any int. */
  public static Gen<Integer> ints() {
    return Generate.range(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Returns an int from {@code min} to {@code max}, both included. */
  public static Gen<Integer> ints(int min, int max) {
    return Generate.range(min, max);
  }

  /** Returns one of the values; shrinks towards the first. */
  @SafeVarargs
  public static <T> Gen<T> of(T... values) {
    List<T> choices = new ArrayList<>(values.length);
    for (T value : values) {
      choices.add(value);
    }
    return Generate.pick(choices);
  }

  /** Returns a value of one of the generators, picked evenly; shrinks towards the first. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    Gen<Integer> index = Generate.range(0, gens.length - 1);
    return in -> gens[index.generate(in)].generate(in);
  }

  /**
   * Returns a value of one of the generators, picked in proportion to the weights; {@code weighted} alternates a weight
   * and a generator. Shrinks towards the first.
   */
  @SuppressWarnings("unchecked")
  public static <T> Gen<T> frequency(Object... weighted) {
    int[] bounds = new int[weighted.length / 2];
    List<Gen<? extends T>> gens = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < weighted.length; i += 2) {
      total += (Integer) weighted[i];
      bounds[i / 2] = total;
      gens.add((Gen<? extends T>) weighted[i + 1]);
    }
    Gen<Integer> pick = Generate.range(0, total - 1);
    return in -> {
      int picked = pick.generate(in);
      int i = 0;
      while (picked >= bounds[i]) {
        i++;
      }
      return gens.get(i).generate(in);
    };
  }

  /** Returns a char from {@code from} to {@code to}, both included. */
  public static Gen<Character> chars(int from, int to) {
    return Generate.range(from, to).map(c -> (char) c.intValue());
  }

  /** Returns one of the chars of {@code chars}. */
  public static Gen<Character> charsOf(String chars) {
    return Generate.range(0, chars.length() - 1).map(chars::charAt);
  }

  /** Returns any char, surrogates and controls included. */
  public static Gen<Character> anyChar() {
    return chars(Character.MIN_VALUE, Character.MAX_VALUE);
  }

  /** Returns {@code a-z}, {@code A-Z}. */
  public static Gen<Character> alpha() {
    return charsOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  }

  /** Returns {@code 0-9}. */
  public static Gen<Character> numeric() {
    return chars('0', '9');
  }

  /** Returns a string of {@code min} to {@code max} chars from {@code chars}. */
  public static Gen<String> strings(Gen<Character> chars, int min, int max) {
    Gen<Integer> length = Generate.range(min, max);
    return in -> {
      int n = length.generate(in);
      StringBuilder out = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        out.append(chars.generate(in).charValue());
      }
      return out.toString();
    };
  }

  /** Returns a list of {@code min} to {@code max} elements. */
  public static <T> Gen<List<T>> lists(Gen<T> elements, int min, int max) {
    Gen<Integer> size = Generate.range(min, max);
    return in -> {
      int n = size.generate(in);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(elements.generate(in));
      }
      return out;
    };
  }

  /** Returns a mutable set of at most {@code max} distinct elements, in drawing order. */
  public static <T> Gen<Set<T>> sets(Gen<T> elements, int max) {
    return lists(elements, 0, max).map(list -> new LinkedHashSet<>(list));
  }

  /** Returns a map of at most {@code max} entries, in drawing order. */
  public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int max) {
    Gen<Integer> size = Generate.range(0, max);
    return in -> {
      int n = size.generate(in);
      Map<K, V> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(keys.generate(in), values.generate(in));
      }
      return out;
    };
  }

  /** Returns a value, or empty one time in five; shrinks towards empty. */
  public static <T> Gen<Optional<T>> optionals(Gen<T> values) {
    Gen<Integer> dice = Generate.range(0, 4);
    return in -> dice.generate(in) == 0 ? Optional.empty() : Optional.of(values.generate(in));
  }

  /** Returns null with the given percentage, else a value. */
  public static <T> Gen<T> orNull(Gen<T> values, int percentNull) {
    Gen<Integer> dice = Generate.range(0, 99);
    return in -> dice.generate(in) >= percentNull ? values.generate(in) : null;
  }

  /** A {@link Random} that takes every draw from a QuickTheories source. */
  private static final class SourceRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final transient RandomnessSource source;

    SourceRandom(RandomnessSource source) {
      super(0);
      this.source = source;
    }

    @Override
    protected int next(int bits) {
      return (int) source.next(BITS[bits]);
    }

    /** One draw in {@code [0, bound)}, so that shrinking the draw shrinks the result (no modulo). */
    @Override
    public int nextInt(int bound) {
      if (bound <= 0) {
        throw new IllegalArgumentException("bound must be positive");
      }
      return (int) source.next(bound == 1 ? Constraint.between(0, 0) : Constraint.between(0, bound - 1));
    }

    @Override
    public boolean nextBoolean() {
      return source.next(Constraint.zeroToOne()) == 1;
    }
  }
}
