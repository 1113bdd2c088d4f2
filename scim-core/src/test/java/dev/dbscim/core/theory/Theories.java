package dev.dbscim.core.theory;

import org.quicktheories.QuickTheory;

/**
 * Runs QuickTheories properties with the project's tries: each property states its count for {@code mvn verify}, and
 * the {@code soak} Maven profile ({@code -Ddbscim.soak=true}) raises every count to at least {@link #SOAK_TRIES}.
 *
 * <p>A failing property reports its shrunk counterexample, the other failing values it met and {@code Seed was N}. The
 * seed is new on every run; {@code -DQT_SEED=N -Dtest=SomeTest#method} replays the same examples.
 */
public final class Theories {
  /** Whether the soak profile is running. */
  public static final boolean SOAK = Boolean.getBoolean("dbscim.soak");
  /** The least tries of any property under the soak profile. */
  public static final int SOAK_TRIES = 100_000;
  /** The tries of a fuzz property in {@code mvn verify}. */
  public static final int FUZZ_TRIES = 1_000;
  /** Shrink attempts after a failure; bounded so that a failure under soak (or a hang) still ends soon. */
  public static final int SHRINK_CYCLES = 500;

  private Theories() {}

  /** Returns {@code normal}, or at least {@link #SOAK_TRIES} under the soak profile. */
  public static int tries(int normal) {
    return SOAK ? Math.max(normal, SOAK_TRIES) : normal;
  }

  /** Returns a theory that runs {@link #tries(int) tries(normal)} examples with bounded shrinking. */
  public static QuickTheory qt(int normal) {
    return QuickTheory.qt().withExamples(tries(normal)).withShrinkCycles(SHRINK_CYCLES);
  }
}
