package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class PatchApplierTest {
  private static final PatchApplier APPLIER = PatchApplier.create();

  private static JsonNode json(String text) {
    return ScimJson.read(text, JsonNode.class);
  }

  private static PatchRequest request(String operations) {
    return ScimJson.read("{\"Operations\":" + operations + "}", PatchRequest.class);
  }

  @Test
  void apply_failingOperationInTheMiddle_changesNothingAndNamesTheOperation() {
    JsonNode group = json("{\"id\":\"9\",\"displayName\":\"eng\",\"members\":[{\"value\":\"1\"}]}");
    JsonNode before = group.deepCopy();
    PatchRequest request =
        request("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"2\"}]},"
            + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"s3cr3t-value\"},"
            + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]");

    PatchException e = catchThrowableOfType(PatchException.class, () -> APPLIER.apply(group, request));

    assertThat(e.scimType()).isEqualTo("noTarget");
    assertThat(e.operationIndex()).isEqualTo(1);
    assertThat(e.getMessage())
        .startsWith("PATCH operation 1 (replace emails[type eq \"work\"].value): ")
        .doesNotContain("s3cr3t-value");
    assertThat(group).isEqualTo(before);
  }

  @Test
  void apply_success_returnsNewNodeAndLeavesInputUntouched() {
    JsonNode user = json("{\"id\":\"1\",\"name\":{\"givenName\":\"a\"},\"emails\":[{\"type\":\"work\",\"value\":\"a@x\"}]}");
    JsonNode before = user.deepCopy();

    ObjectNode patched =
        APPLIER.apply(user, request("[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"b\"},"
            + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"b@x\"}]"));

    assertThat(patched).isNotSameAs(user);
    assertThat(patched.at("/name/givenName").asText()).isEqualTo("b");
    assertThat(patched.at("/emails/0/value").asText()).isEqualTo("b@x");
    assertThat(user).isEqualTo(before);
  }

  @Test
  void apply_resourceThatIsNotAnObject_throwsInvalidSyntax() {
    PatchException e = catchThrowableOfType(PatchException.class,
        () -> APPLIER.apply(json("[1]"), request("[{\"op\":\"remove\",\"path\":\"x\"}]")));

    assertThat(e.scimType()).isEqualTo("invalidSyntax");
    assertThat(e.operationIndex()).isEqualTo(-1);
  }

  @Test
  void apply_strictRemoveWithoutMatch_throwsNoTarget() {
    PatchApplier strict = PatchApplier.create(PatchApplier.Options.builder().strictRemove(true).build());
    JsonNode group = json("{\"id\":\"9\",\"members\":[{\"value\":\"1\"}]}");

    PatchException filtered = catchThrowableOfType(PatchException.class,
        () -> strict.apply(group, request("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"2\\\"]\"}]")));
    PatchException absent = catchThrowableOfType(PatchException.class,
        () -> strict.apply(group, request("[{\"op\":\"remove\",\"path\":\"entitlements\"}]")));
    PatchException listed = catchThrowableOfType(PatchException.class,
        () -> strict.apply(group, request("[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"2\"}]}]")));

    assertThat(filtered.scimType()).isEqualTo("noTarget");
    assertThat(absent.scimType()).isEqualTo("noTarget");
    assertThat(listed.scimType()).isEqualTo("noTarget");
  }

  @Test
  void apply_lenientRemoveWithoutMatch_returnsEqualResource() {
    JsonNode group = json("{\"id\":\"9\",\"members\":[{\"value\":\"1\"}]}");

    JsonNode patched = APPLIER.apply(group, request("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"2\\\"]\"},"
        + "{\"op\":\"remove\",\"path\":\"entitlements\"},{\"op\":\"remove\",\"path\":\"name.givenName\"}]"));

    assertThat(patched).isEqualTo(group);
  }

  @Test
  void apply_ignoredAttributes_dropsChangesWithAndWithoutPath() {
    PatchApplier databricksLike =
        PatchApplier.create(PatchApplier.Options.builder().ignoredAttributes(Arrays.asList("userName", "emails")).build());
    JsonNode user = json("{\"id\":\"1\",\"userName\":\"a@x\",\"emails\":[{\"value\":\"a@x\"}],\"displayName\":\"A\"}");

    JsonNode patched = databricksLike.apply(user, request("[{\"op\":\"replace\",\"path\":\"USERNAME\",\"value\":\"b@x\"},"
        + "{\"op\":\"remove\",\"path\":\"emails\"},"
        + "{\"op\":\"replace\",\"value\":{\"userName\":\"c@x\",\"displayName\":\"B\"}}]"));

    assertThat(patched.toString())
        .isEqualTo("{\"id\":\"1\",\"userName\":\"a@x\",\"emails\":[{\"value\":\"a@x\"}],\"displayName\":\"B\"}");
  }

  @Test
  void apply_customReadOnlyAttributes_replaceDefaults() {
    PatchApplier applier =
        PatchApplier.create(PatchApplier.Options.builder().readOnlyAttributes(Collections.singletonList("groups")).build());
    JsonNode user = json("{\"id\":\"1\"}");

    PatchException e = catchThrowableOfType(PatchException.class,
        () -> applier.apply(user, request("[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]}]")));
    JsonNode idChanged = applier.apply(user, request("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"2\"}]"));

    assertThat(e.scimType()).isEqualTo("mutability");
    assertThat(idChanged.get("id").asText()).isEqualTo("2");
  }

  @Test
  void apply_customBooleanAttributes_coerceOnlyThose() {
    PatchApplier applier = PatchApplier.create(
        PatchApplier.Options.builder().booleanAttributes(Collections.singletonList("locked")).build());

    JsonNode patched = applier.apply(json("{\"id\":\"1\"}"),
        request("[{\"op\":\"add\",\"value\":{\"locked\":\"TRUE\",\"active\":\"False\"}}]"));

    assertThat(patched.get("locked").isBoolean()).isTrue();
    assertThat(patched.get("active").isTextual()).isTrue();
  }

  @Test
  void apply_customMultiValuedComplexAttributes_rejectBareValues() {
    PatchApplier applier = PatchApplier.create(
        PatchApplier.Options.builder().multiValuedComplexAttributes(Collections.singletonList("licenses")).build());

    PatchException e = catchThrowableOfType(PatchException.class, () -> applier.apply(json("{\"id\":\"1\"}"),
        request("[{\"op\":\"add\",\"path\":\"licenses\",\"value\":\"gold\"}]")));
    JsonNode members = applier.apply(json("{\"id\":\"1\"}"),
        request("[{\"op\":\"add\",\"path\":\"members\",\"value\":\"123\"}]"));

    assertThat(e.scimType()).isEqualTo("invalidSyntax");
    assertThat(members.get("members").asText()).isEqualTo("123");
  }

  @Test
  void options_defaults_describeCoreSchema() {
    PatchApplier.Options defaults = PatchApplier.Options.defaults();

    assertThat(defaults.strictRemove()).isFalse();
    assertThat(defaults.booleanAttributes()).containsExactly("active", "primary");
    assertThat(defaults.readOnlyAttributes()).containsExactly("id", "meta");
    assertThat(defaults.ignoredAttributes()).isEmpty();
    assertThat(defaults.multiValuedComplexAttributes()).contains("members", "groups", "entitlements", "roles", "emails");
    assertThat(defaults.toBuilder().strictRemove(true).build().multiValuedComplexAttributes())
        .isEqualTo(defaults.multiValuedComplexAttributes());
  }

  @Test
  void apply_addSingleObjectToMultiValuedComplex_wrapsItInAnArray() {
    JsonNode patched = APPLIER.apply(json("{\"id\":\"1\"}"),
        request("[{\"op\":\"add\",\"path\":\"members\",\"value\":{\"value\":\"7\"}}]"));

    assertThat(patched.toString()).isEqualTo("{\"id\":\"1\",\"members\":[{\"value\":\"7\"}]}");
  }

  @Test
  void apply_replaceWithNullInPathlessValue_unassignsTheAttribute() {
    JsonNode patched = APPLIER.apply(json("{\"id\":\"1\",\"nickName\":\"x\",\"title\":\"y\"}"),
        request("[{\"op\":\"replace\",\"value\":{\"nickName\":null}}]"));

    assertThat(patched.toString()).isEqualTo("{\"id\":\"1\",\"title\":\"y\"}");
  }

  @Test
  void applyTyped_plainPojo_roundTripsThroughJson() {
    Widget widget = new Widget();
    widget.id = "1";
    widget.displayName = "old";
    widget.active = true;

    Widget patched = APPLIER.apply(widget, UserPatch.builder().displayName("new").active(false).build());

    assertThat(patched).isNotSameAs(widget);
    assertThat(patched.displayName).isEqualTo("new");
    assertThat(patched.active).isFalse();
    assertThat(widget.displayName).isEqualTo("old");
  }

  @Test
  void applyTyped_subclassOfAnnotatedType_readsThroughTheAnnotatedType() {
    HiddenThing hidden = new HiddenThing("x");

    Thing patched = APPLIER.apply((Thing) hidden, PatchRequest.builder().replace("name", "y").build());

    assertThat(patched).isInstanceOf(PlainThing.class);
    assertThat(patched.name).isEqualTo("y");
  }

  @Test
  void applyTyped_resultThatDoesNotFitTheType_throwsInvalidValue() {
    Widget widget = new Widget();
    widget.id = "1";

    assertThatThrownBy(() -> APPLIER.apply(widget, PatchRequest.builder().replace("active", "yes").build(), Widget.class))
        .isInstanceOf(PatchException.class)
        .extracting(e -> ((PatchException) e).scimType())
        .isEqualTo("invalidValue");
    assertThatThrownBy(() -> APPLIER.apply(widget,
            PatchRequest.builder().replace("displayName", Collections.singletonMap("a", 1)).build(), Widget.class))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("does not fit Widget");
  }

  /** A test-local resource type without Immutables. */
  public static final class Widget {
    public String id;
    public String displayName;
    public Boolean active;
  }

  /** An annotated public type whose runtime subclass Jackson cannot build. */
  @JsonDeserialize(as = PlainThing.class)
  public abstract static class Thing {
    public String name;
  }

  /** The implementation Jackson builds for {@link Thing}. */
  public static final class PlainThing extends Thing {}

  /** A subclass without a default constructor, like a generated Immutables class. */
  static final class HiddenThing extends Thing {
    HiddenThing(String name) {
      this.name = name;
    }
  }
}
