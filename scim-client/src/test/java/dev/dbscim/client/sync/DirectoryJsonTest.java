package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.SyncException;
import dev.dbscim.client.sync.DirectoryProblem.Code;
import dev.dbscim.core.model.Entitlement;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryJsonTest {
  static final String SP_ID = "0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a10";

  /** The example of issue 5, with the placeholder UUID filled in and the member group "analysts" added. */
  static final String ISSUE_EXAMPLE = "{\"users\":[{\"userName\":\"ada@example.com\",\"displayName\":\"Ada Lovelace\","
      + "\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"externalId\":\"idp-1\",\"active\":true}],"
      + "\"servicePrincipals\":[{\"applicationId\":\"" + SP_ID + "\",\"displayName\":\"etl\",\"externalId\":\"idp-sp-1\"}],"
      + "\"groups\":[{\"displayName\":\"data-eng\",\"externalId\":\"idp-g-1\",\"members\":{\"users\":[\"ada@example.com\"],"
      + "\"servicePrincipals\":[\"" + SP_ID + "\"],\"groups\":[\"analysts\"]},\"entitlements\":[\"databricks-sql-access\"]},"
      + "{\"displayName\":\"analysts\"}],"
      + "\"workspaceAssignments\":[{\"workspaceId\":1001,\"group\":\"data-eng\",\"permission\":\"USER\"}]}";

  static Directory issueExample() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").givenName("Ada")
            .familyName("Lovelace").externalId("idp-1").build())
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_ID).displayName("etl").externalId("idp-sp-1").build())
        .addGroups(
            DirectoryGroup.builder("data-eng").externalId("idp-g-1").memberUsers("ada@example.com")
                .memberServicePrincipals(SP_ID).memberGroups("analysts")
                .addEntitlements(Entitlement.DATABRICKS_SQL_ACCESS).build(),
            DirectoryGroup.builder("analysts").build())
        .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofGroup(1001L, "data-eng", WorkspacePermission.USER))
        .build();
  }

  static List<DirectoryProblem> problemsOf(String json) {
    return catchThrowableOfType(InvalidDirectoryException.class, () -> DirectoryJson.read(json)).problems();
  }

  @Test
  void read_issueExample_equalsDirectoryBuiltInCode() {
    Directory directory = DirectoryJson.read(ISSUE_EXAMPLE);

    assertThat(directory).isEqualTo(issueExample());
    assertThat(directory.validate(DirectoryLimits.databricks())).isEmpty();
  }

  @Test
  void write_issueExample_readsBackEqualAndWritesIdenticalText() {
    String written = DirectoryJson.write(issueExample());

    assertThat(DirectoryJson.read(written)).isEqualTo(issueExample());
    assertThat(DirectoryJson.write(DirectoryJson.read(written))).isEqualTo(written);
  }

  @Test
  void write_everyValueSet_keysInDocumentedOrder() {
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("bob@example.com").displayName("Bob").givenName("B").familyName("Ob")
            .externalId("idp-2").active(false).entitlements(List.of("workspace-access", "not-a-real-one")).build())
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_ID).active(false)
            .addEntitlements(Entitlement.ALLOW_CLUSTER_CREATE).build())
        .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofUser(7L, "bob@example.com", WorkspacePermission.ADMIN),
            DirectoryWorkspaceAssignment.ofServicePrincipal(7L, SP_ID, WorkspacePermission.USER))
        .build();

    String written = DirectoryJson.write(directory).replaceAll("\\s", "");

    assertThat(written).isEqualTo("{\"users\":[{\"userName\":\"bob@example.com\",\"displayName\":\"Bob\","
        + "\"givenName\":\"B\",\"familyName\":\"Ob\",\"externalId\":\"idp-2\",\"active\":false,"
        + "\"entitlements\":[\"workspace-access\",\"not-a-real-one\"]}],"
        + "\"servicePrincipals\":[{\"applicationId\":\"" + SP_ID + "\",\"active\":false,"
        + "\"entitlements\":[\"allow-cluster-create\"]}],\"groups\":[],"
        + "\"workspaceAssignments\":[{\"workspaceId\":7,\"user\":\"bob@example.com\",\"permission\":\"ADMIN\"},"
        + "{\"workspaceId\":7,\"servicePrincipal\":\"" + SP_ID + "\",\"permission\":\"USER\"}]}");
    assertThat(DirectoryJson.read(DirectoryJson.write(directory))).isEqualTo(directory);
  }

  @Test
  void read_emptyObjectAndNulls_absentValuesAndDefaults() {
    assertThat(DirectoryJson.read("{}")).isEqualTo(Directory.empty());
    Directory directory = DirectoryJson.read("{\"$schema\":\"x\",\"users\":[{\"userName\":\"a@x\",\"displayName\":null,"
        + "\"active\":null,\"entitlements\":null}],\"groups\":null}");

    assertThat(directory.users()).containsExactly(DirectoryUser.builder("a@x").build());
    assertThat(directory.users().get(0).active()).isTrue();
  }

  @Test
  void read_readerAndFile_sameDirectory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("directory.json");
    Files.write(file, ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8));

    assertThat(DirectoryJson.read(new StringReader(ISSUE_EXAMPLE))).isEqualTo(issueExample());
    assertThat(DirectoryJson.read(file)).isEqualTo(issueExample());
    assertThat(DirectorySource.ofFile(file).load()).isEqualTo(issueExample());
    assertThat(DirectorySource.of(issueExample()).load()).isEqualTo(issueExample());
  }

  @Test
  void read_missingFile_throwsUncheckedIo(@TempDir Path dir) {
    assertThatThrownBy(() -> DirectorySource.ofFile(dir.resolve("missing.json")).load())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void read_unknownKeys_reportedWithPointerAndSuggestion() {
    List<DirectoryProblem> problems = problemsOf("{\"users\":[{\"userName\":\"a@x\",\"UserName\":\"b\",\"nick\":\"c\"}],"
        + "\"groups\":[{\"displayName\":\"g\",\"members\":{\"users\":[\"a@x\"],\"owners\":[]}}],\"extra/key\":1}");

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/extra~1key", Code.UNKNOWN_KEY),
        org.assertj.core.groups.Tuple.tuple("/users/0/UserName", Code.UNKNOWN_KEY),
        org.assertj.core.groups.Tuple.tuple("/users/0/nick", Code.UNKNOWN_KEY),
        org.assertj.core.groups.Tuple.tuple("/groups/0/members/owners", Code.UNKNOWN_KEY));
    assertThat(problems).filteredOn(p -> p.location().equals("/users/0/UserName")).first()
        .extracting(DirectoryProblem::message).asString().contains("did you mean \"userName\"");
  }

  @Test
  void read_wrongTypes_reportedWithPointers() {
    List<DirectoryProblem> problems = problemsOf("{\"users\":[{\"userName\":42,\"active\":\"yes\"},\"bob\"],"
        + "\"servicePrincipals\":{},"
        + "\"groups\":[{\"displayName\":\"g\",\"members\":{\"groups\":[\"h\",7]},\"entitlements\":\"workspace-access\"}],"
        + "\"workspaceAssignments\":[{\"workspaceId\":\"1001\",\"group\":\"g\",\"permission\":\"USER\"},"
        + "{\"workspaceId\":1.5,\"group\":\"g\",\"permission\":\"ADMIN\"}]}");

    assertThat(problems).filteredOn(p -> p.code() == Code.WRONG_TYPE).extracting(DirectoryProblem::location)
        .containsExactly("/users/0/userName", "/users/0/active", "/users/1", "/servicePrincipals",
            "/groups/0/entitlements", "/groups/0/members/groups/1", "/workspaceAssignments/0/workspaceId",
            "/workspaceAssignments/1/workspaceId");
    assertThat(problems).filteredOn(p -> p.location().equals("/users/0/userName")).first()
        .extracting(DirectoryProblem::message).asString().contains("a string", "the number 42");
  }

  @Test
  void read_rootNotAnObject_singleWrongTypeProblem() {
    assertThat(problemsOf("[1,2]")).extracting(DirectoryProblem::location, DirectoryProblem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("", Code.WRONG_TYPE));
  }

  @Test
  void read_missingRequiredKeys_reported() {
    List<DirectoryProblem> problems = problemsOf("{\"users\":[{\"displayName\":\"x\"}],\"servicePrincipals\":[{}],"
        + "\"groups\":[{\"externalId\":\"e\"}],\"workspaceAssignments\":[{\"user\":\"a\"}]}");

    assertThat(problems).filteredOn(p -> p.code() == Code.MISSING_FIELD).extracting(DirectoryProblem::location)
        .containsExactly("/users/0/userName", "/servicePrincipals/0/applicationId", "/groups/0/displayName",
            "/workspaceAssignments/0/workspaceId", "/workspaceAssignments/0/permission");
    // the blank placeholders behind missing keys are not reported a second time
    assertThat(problems).extracting(DirectoryProblem::code).doesNotContain(Code.BLANK_FIELD);
  }

  @Test
  void read_assignmentWithNoneOrSeveralPrincipalsOrBadPermission_reported() {
    List<DirectoryProblem> problems = problemsOf("{\"users\":[{\"userName\":\"a@x\"}],\"groups\":[{\"displayName\":\"g\"}],"
        + "\"workspaceAssignments\":[{\"workspaceId\":1,\"permission\":\"USER\"},"
        + "{\"workspaceId\":1,\"user\":\"a@x\",\"group\":\"g\",\"permission\":\"USER\"},"
        + "{\"workspaceId\":1,\"group\":\"g\",\"permission\":\"OWNER\"}]}");

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/workspaceAssignments/0", Code.ASSIGNMENT_PRINCIPAL_COUNT),
        org.assertj.core.groups.Tuple.tuple("/workspaceAssignments/1", Code.ASSIGNMENT_PRINCIPAL_COUNT),
        org.assertj.core.groups.Tuple.tuple("/workspaceAssignments/2/permission", Code.INVALID_PERMISSION));
    assertThat(problems.get(1).message()).contains("user, group");
    assertThat(problems.get(2).message()).contains("OWNER");
  }

  @Test
  void read_formatAndContentProblems_allReportedTogether() {
    InvalidDirectoryException thrown = catchThrowableOfType(InvalidDirectoryException.class, () -> DirectoryJson.read(
        "{\"users\":[{\"userName\":\"a@x\"},{\"userName\":\"A@X\",\"age\":3}],"
            + "\"groups\":[{\"displayName\":\"g\",\"members\":{\"users\":[\"ghost@x\"]}}]}"));

    assertThat(thrown.problems()).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/users/1/age", Code.UNKNOWN_KEY),
        org.assertj.core.groups.Tuple.tuple("/users/1/userName", Code.DUPLICATE_USER_NAME),
        org.assertj.core.groups.Tuple.tuple("/groups/0/members/users/0", Code.UNKNOWN_MEMBER));
    assertThat(thrown).isInstanceOf(SyncException.class)
        .hasMessageContaining("3 problems").hasMessageContaining("ghost@x").hasMessageContaining("/users/1/age");
  }

  @Test
  void read_malformedOrEmptyOrDuplicateKeyJson_malformedJsonProblem() {
    assertThat(problemsOf("{\"users\":[")).extracting(DirectoryProblem::code).containsExactly(Code.MALFORMED_JSON);
    assertThat(problemsOf("")).extracting(DirectoryProblem::code).containsExactly(Code.MALFORMED_JSON);
    List<DirectoryProblem> duplicate = problemsOf("{\"users\":[],\"users\":[]}");
    assertThat(duplicate).extracting(DirectoryProblem::code).containsExactly(Code.MALFORMED_JSON);
    assertThat(duplicate.get(0).message()).contains("users");
  }

  static List<DirectoryProblem> fileProblems(Path dir, byte[] bytes) throws Exception {
    Path file = Files.write(dir.resolve("directory.json"), bytes);
    return catchThrowableOfType(InvalidDirectoryException.class, () -> DirectoryJson.read(file)).problems();
  }

  @Test
  void read_byteOrderMark_isSkippedInFilesAndText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.json");
    byte[] json = ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[json.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(json, 0, bytes, 3, json.length);
    Files.write(file, bytes);

    assertThat(DirectoryJson.read(file)).isEqualTo(issueExample());
    assertThat(DirectoryJson.read("\uFEFF" + ISSUE_EXAMPLE)).isEqualTo(issueExample());
  }

  @Test
  void read_truncatedFile_saysTheFileEndsEarly_withLineAndColumn(@TempDir Path dir) throws Exception {
    List<DirectoryProblem> problems =
        fileProblems(dir, "{\"users\":[\n  {\"userName\":\"a@b.c\"".getBytes(StandardCharsets.UTF_8));

    assertThat(problems).extracting(DirectoryProblem::message).containsExactly("not valid JSON: the file ends early "
        + "at line 2, column 22, inside an object, array or string that is not closed; check that the whole file was "
        + "saved");
    assertThat(problemsOf("{\"users\":[}").get(0).message())
        .isEqualTo("not valid JSON at line 1, column 11: Unexpected close marker '}': expected ']'");
  }

  @Test
  void read_latin1File_isAProblemNamingLineAndByteOffset(@TempDir Path dir) throws Exception {
    List<DirectoryProblem> problems =
        fileProblems(dir, "{\"users\":[{\"userName\":\"Jos\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(problems).extracting(DirectoryProblem::toString).containsExactly("/: MALFORMED_JSON: not UTF-8: the "
        + "byte 0xE9 at line 1 (byte offset 26) cannot be read as UTF-8; save the file as UTF-8");
  }
}
