package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.json.ScimJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetaTest {
  @Test
  void createdInstant_utcWithFraction_parses() {
    Meta meta = Meta.builder().created("2026-03-01T10:15:30.123Z").build();

    assertThat(meta.createdInstant()).hasValue(Instant.parse("2026-03-01T10:15:30.123Z"));
  }

  @Test
  void lastModifiedInstant_withOffset_convertsToUtc() {
    Meta meta = Meta.builder().lastModified("2026-03-02T08:00:00+01:00").build();

    assertThat(meta.lastModifiedInstant()).hasValue(Instant.parse("2026-03-02T07:00:00Z"));
  }

  @Test
  void createdInstant_withoutOffset_readsAsUtc() {
    assertThat(Meta.builder().created("2026-03-01T10:15:30").build().createdInstant())
        .hasValue(Instant.parse("2026-03-01T10:15:30Z"));
  }

  @Test
  void createdInstant_unparseableOrAbsent_isEmpty() {
    assertThat(Meta.builder().created("yesterday").build().createdInstant()).isEmpty();
    assertThat(Meta.builder().created("2026-03-01").build().createdInstant()).isEmpty();
    assertThat(Meta.builder().build().createdInstant()).isEmpty();
  }

  @Test
  void write_readMeta_keepsExactTimestampTextAndVersion() {
    String json = "{\"resourceType\":\"Group\",\"created\":\"2026-03-01T10:15:30.10+00:00\","
        + "\"lastModified\":\"2026-03-01T10:15:30Z\",\"location\":\"Groups/9\",\"version\":\"W/\\\"3694e05e9dff590\\\"\","
        + "\"x\":1}";

    Meta meta = ScimJson.read(json, Meta.class);

    assertThat(meta.version()).hasValue("W/\"3694e05e9dff590\"");
    assertThat(meta.additionalAttributes()).containsOnlyKeys("x");
    assertThat(ScimJson.write(meta)).isEqualTo(json);
  }
}
