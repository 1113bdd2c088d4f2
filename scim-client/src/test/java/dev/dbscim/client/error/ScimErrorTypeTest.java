package dev.dbscim.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScimErrorTypeTest {
  @ParameterizedTest
  @CsvSource({
      "invalidFilter, INVALID_FILTER", "InvalidFilter, INVALID_FILTER", "INVALID_FILTER, INVALID_FILTER",
      "tooMany, TOO_MANY", "uniqueness, UNIQUENESS", "Mutability, MUTABILITY", "invalidSyntax, INVALID_SYNTAX",
      "invalidPath, INVALID_PATH", "noTarget, NO_TARGET", "invalidValue, INVALID_VALUE",
      "invalidVers, INVALID_VERS", "sensitive, SENSITIVE", "somethingNew, UNKNOWN", "'', UNKNOWN"})
  void fromWire_matchesIgnoringCaseAndUnderscores(String raw, ScimErrorType expected) {
    assertThat(ScimErrorType.fromWire(raw)).isEqualTo(expected);
  }

  @Test
  void fromWire_null_isUnknown() {
    assertThat(ScimErrorType.fromWire(null)).isEqualTo(ScimErrorType.UNKNOWN);
  }

  @Test
  void wireName_isRfcSpelling() {
    assertThat(ScimErrorType.INVALID_FILTER.wireName()).isEqualTo("invalidFilter");
    assertThat(ScimErrorType.UNKNOWN.wireName()).isEmpty();
  }
}
