package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.DirectoryProblem.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectoryValidationTest {
  private static final String SP_1 = "0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a10";
  private static final String SP_2 = "11111111-2222-3333-4444-555555555555";
  private static final DirectoryLimits LIMITS = DirectoryLimits.databricks();

  private static DirectoryUser user(String userName) {
    return DirectoryUser.builder(userName).build();
  }

  private static DirectoryProblem single(Directory directory) {
    List<DirectoryProblem> problems = directory.validate(LIMITS);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void validate_validDirectory_noProblems() {
    assertThat(DirectoryJsonTest.issueExample().validate(LIMITS)).isEmpty();
    assertThat(Directory.empty().validateOrThrow(LIMITS)).isSameAs(Directory.empty());
  }

  @Test
  void validate_duplicateUserNameIgnoringCase_reportedAtSecond() {
    DirectoryProblem problem = single(Directory.builder()
        .addUsers(user("ada@example.com"), user("bob@example.com"), user("Ada@Example.COM")).build());

    assertThat(problem.location()).isEqualTo("/users/2/userName");
    assertThat(problem.code()).isEqualTo(Code.DUPLICATE_USER_NAME);
    assertThat(problem.message()).contains("Ada@Example.COM", "/users/0");
  }

  @Test
  void validate_duplicateApplicationIdIgnoringCase_reported() {
    DirectoryProblem problem = single(Directory.builder().addServicePrincipals(
        DirectoryServicePrincipal.builder(SP_1).build(),
        DirectoryServicePrincipal.builder(SP_1.toUpperCase(Locale.ROOT)).build()).build());

    assertThat(problem.location()).isEqualTo("/servicePrincipals/1/applicationId");
    assertThat(problem.code()).isEqualTo(Code.DUPLICATE_APPLICATION_ID);
  }

  @Test
  void validate_malformedApplicationId_reported() {
    DirectoryProblem problem = single(Directory.builder()
        .addServicePrincipals(DirectoryServicePrincipal.builder("etl-bot").build()).build());

    assertThat(problem.location()).isEqualTo("/servicePrincipals/0/applicationId");
    assertThat(problem.code()).isEqualTo(Code.MALFORMED_APPLICATION_ID);
    assertThat(problem.message()).contains("etl-bot");
    assertThat(DirectoryValidator.isUuid("0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a1g")).isFalse();
    assertThat(DirectoryValidator.isUuid("0b6c1d1e08f0a-4a55-9d4c-3c1f0e2b7a10")).isFalse();
    assertThat(DirectoryValidator.isUuid(UUID.randomUUID().toString())).isTrue();
  }

  @Test
  void validate_duplicateGroupName_reported() {
    DirectoryProblem problem = single(Directory.builder()
        .addGroups(DirectoryGroup.builder("data-eng").build(), DirectoryGroup.builder("Data-Eng").build()).build());

    assertThat(problem.location()).isEqualTo("/groups/1/displayName");
    assertThat(problem.code()).isEqualTo(Code.DUPLICATE_GROUP_NAME);
    assertThat(problem.message()).contains("Data-Eng");
  }

  @Test
  void validate_duplicateExternalIdsPerKind_reportedButNotAcrossKinds() {
    List<DirectoryProblem> problems = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x").externalId("e1").build(),
            DirectoryUser.builder("b@x").externalId("e1").build())
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_1).externalId("e1").build(),
            DirectoryServicePrincipal.builder(SP_2).externalId("e1").build())
        .addGroups(DirectoryGroup.builder("g").externalId("e1").build(),
            DirectoryGroup.builder("h").externalId("e1").build())
        .build()
        .validate(LIMITS);

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        tuple("/users/1/externalId", Code.DUPLICATE_EXTERNAL_ID),
        tuple("/servicePrincipals/1/externalId", Code.DUPLICATE_EXTERNAL_ID),
        tuple("/groups/1/externalId", Code.DUPLICATE_EXTERNAL_ID));
    assertThat(problems.get(0).message()).contains("e1", "/users/0");
  }

  @Test
  void validate_unknownMembers_reportedPerKind() {
    List<DirectoryProblem> problems = Directory.builder()
        .addUsers(user("ada@example.com"))
        .addGroups(DirectoryGroup.builder("g")
            .memberUsers("ADA@example.com", "ghost@example.com")
            .memberServicePrincipals(SP_1)
            .memberGroups("nowhere")
            .build())
        .build()
        .validate(LIMITS);

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        tuple("/groups/0/members/users/1", Code.UNKNOWN_MEMBER),
        tuple("/groups/0/members/servicePrincipals/0", Code.UNKNOWN_MEMBER),
        tuple("/groups/0/members/groups/0", Code.UNKNOWN_MEMBER));
    assertThat(problems.get(0).message()).contains("ghost@example.com", "\"g\"");
    assertThat(problems.get(2).message()).contains("nowhere");
  }

  @Test
  void validate_memberListedTwice_reported() {
    DirectoryProblem problem = single(Directory.builder().addUsers(user("a@x"))
        .addGroups(DirectoryGroup.builder("g").memberUsers("a@x", "A@x").build()).build());

    assertThat(problem.location()).isEqualTo("/groups/0/members/users/1");
    assertThat(problem.code()).isEqualTo(Code.DUPLICATE_MEMBER);
  }

  @Test
  void validate_groupCycle_reportedWithPath() {
    DirectoryProblem problem = single(Directory.builder().addGroups(
        DirectoryGroup.builder("a").memberGroups("b").build(),
        DirectoryGroup.builder("b").memberGroups("c").build(),
        DirectoryGroup.builder("c").memberGroups("a").build(),
        DirectoryGroup.builder("d").memberGroups("a").build()).build());

    assertThat(problem.location()).isEqualTo("/groups/2/members/groups/0");
    assertThat(problem.code()).isEqualTo(Code.GROUP_CYCLE);
    assertThat(problem.message()).contains("\"a\" -> \"b\" -> \"c\" -> \"a\"");
  }

  @Test
  void validate_groupContainingItself_reportedAsCycle() {
    DirectoryProblem problem = single(Directory.builder()
        .addGroups(DirectoryGroup.builder("loop").memberGroups("loop").build()).build());

    assertThat(problem.code()).isEqualTo(Code.GROUP_CYCLE);
    assertThat(problem.message()).contains("\"loop\" -> \"loop\"");
  }

  @Test
  void validate_diamondOfGroups_noCycle() {
    assertThat(Directory.builder().addGroups(
        DirectoryGroup.builder("top").memberGroups("left", "right").build(),
        DirectoryGroup.builder("left").memberGroups("bottom").build(),
        DirectoryGroup.builder("right").memberGroups("bottom").build(),
        DirectoryGroup.builder("bottom").build()).build().validate(LIMITS)).isEmpty();
  }

  @Test
  void validate_fiveThousandDeepChain_noStackOverflowAndLongCycleSummarised() {
    int depth = 5_000;
    List<DirectoryGroup> chain = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      DirectoryGroup.Builder group = DirectoryGroup.builder("g" + i);
      if (i + 1 < depth) {
        group.memberGroups("g" + (i + 1));
      }
      chain.add(group.build());
    }
    assertThat(Directory.builder().groups(chain).build().validate(LIMITS)).isEmpty();

    chain.set(depth - 1, DirectoryGroup.builder("g" + (depth - 1)).memberGroups("g0").build());
    DirectoryProblem problem = single(Directory.builder().groups(chain).build());
    assertThat(problem.code()).isEqualTo(Code.GROUP_CYCLE);
    assertThat(problem.location()).isEqualTo("/groups/4999/members/groups/0");
    assertThat(problem.message()).contains("\"g0\" -> \"g1\"", "more groups", "\"g4999\" -> \"g0\"", "5000 groups");
    assertThat(problem.message().length()).isLessThan(1_000);
  }

  @Test
  void validate_unknownEntitlements_reportedEverywhere() {
    List<DirectoryProblem> problems = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x").entitlements(List.of("workspace-access", "superuser")).build())
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_1).entitlements(List.of("Workspace-Access")).build())
        .addGroups(DirectoryGroup.builder("g").entitlements(List.of("root")).build())
        .build()
        .validate(LIMITS);

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        tuple("/users/0/entitlements/1", Code.UNKNOWN_ENTITLEMENT),
        tuple("/servicePrincipals/0/entitlements/0", Code.UNKNOWN_ENTITLEMENT),
        tuple("/groups/0/entitlements/0", Code.UNKNOWN_ENTITLEMENT));
    assertThat(problems.get(0).message()).contains("superuser", "workspace-access");
  }

  @Test
  void validate_blankRequiredFields_reported() {
    List<DirectoryProblem> problems = Directory.builder()
        .addUsers(DirectoryUser.builder(" ").externalId("").build())
        .addServicePrincipals(DirectoryServicePrincipal.builder("").build())
        .addGroups(DirectoryGroup.builder("\t").memberUsers("").build())
        .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofGroup(1L, " ", WorkspacePermission.USER))
        .build()
        .validate(LIMITS);

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        tuple("/users/0/userName", Code.BLANK_FIELD),
        tuple("/users/0/externalId", Code.BLANK_FIELD),
        tuple("/servicePrincipals/0/applicationId", Code.BLANK_FIELD),
        tuple("/groups/0/displayName", Code.BLANK_FIELD),
        tuple("/groups/0/members/users/0", Code.BLANK_FIELD),
        tuple("/workspaceAssignments/0/group", Code.BLANK_FIELD));
  }

  @Test
  void validate_assignmentProblems_reported() {
    List<DirectoryProblem> problems = Directory.builder()
        .addUsers(user("a@x"))
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_1).build())
        .addGroups(DirectoryGroup.builder("g").build())
        .addWorkspaceAssignments(
            DirectoryWorkspaceAssignment.ofUser(1L, "A@X", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofServicePrincipal(1L, SP_2, WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofGroup(1L, "nobody", WorkspacePermission.ADMIN),
            DirectoryWorkspaceAssignment.ofUser(0L, "a@x", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofUser(1L, "a@x", WorkspacePermission.ADMIN),
            DirectoryWorkspaceAssignment.ofGroup(2L, "g", WorkspacePermission.ADMIN))
        .build()
        .validate(LIMITS);

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        tuple("/workspaceAssignments/1/servicePrincipal", Code.UNKNOWN_ASSIGNMENT_PRINCIPAL),
        tuple("/workspaceAssignments/2/group", Code.UNKNOWN_ASSIGNMENT_PRINCIPAL),
        tuple("/workspaceAssignments/3/workspaceId", Code.INVALID_WORKSPACE_ID),
        tuple("/workspaceAssignments/4", Code.DUPLICATE_ASSIGNMENT));
    assertThat(problems.get(1).message()).contains("nobody");
    assertThat(problems.get(3).message()).contains("a@x", "workspace 1");
  }

  @Test
  void validate_overLimits_reportedAtRoot() {
    Directory directory = Directory.builder()
        .addUsers(user("a@x"), user("b@x"))
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_1).build())
        .addGroups(DirectoryGroup.builder("g").build(), DirectoryGroup.builder("h").build())
        .build();

    assertThat(directory.validate(DirectoryLimits.of(2, 1)))
        .extracting(DirectoryProblem::location, DirectoryProblem::code)
        .containsExactly(tuple("", Code.TOO_MANY_PRINCIPALS), tuple("", Code.TOO_MANY_GROUPS));
    assertThat(directory.validate(DirectoryLimits.of(3, 2))).isEmpty();
  }

  @Test
  void validateOrThrow_severalProblems_allListed() {
    Directory directory = Directory.builder()
        .addUsers(user("a@x"), user("A@x"))
        .addServicePrincipals(DirectoryServicePrincipal.builder("nope").build())
        .addGroups(DirectoryGroup.builder("g").memberUsers("ghost@x").entitlements(List.of("root")).build())
        .build();

    InvalidDirectoryException thrown = catchThrowableOfType(InvalidDirectoryException.class,
        () -> directory.validateOrThrow(LIMITS));

    assertThat(thrown.problems()).extracting(DirectoryProblem::code).containsExactly(Code.DUPLICATE_USER_NAME,
        Code.MALFORMED_APPLICATION_ID, Code.UNKNOWN_MEMBER, Code.UNKNOWN_ENTITLEMENT);
    assertThat(thrown).hasMessageContaining("4 problems")
        .hasMessageContaining("/users/1/userName: DUPLICATE_USER_NAME")
        .hasMessageContaining("ghost@x")
        .hasMessageContaining("root");
  }

  @Test
  void validateOrThrow_manyProblems_messageTruncatedButProblemsComplete() {
    List<DirectoryUser> users = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      users.add(user("same@x"));
    }
    InvalidDirectoryException thrown = catchThrowableOfType(InvalidDirectoryException.class,
        () -> Directory.builder().users(users).build().validateOrThrow(LIMITS));

    assertThat(thrown.problems()).hasSize(299);
    assertThat(thrown).hasMessageContaining("299 problems").hasMessageContaining("and 199 more");
  }

  @Test
  void validate_fullSizeDirectory_valid() {
    int userCount = 9_000;
    int spCount = 1_000;
    int groupCount = 5_000;
    List<DirectoryUser> users = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      users.add(DirectoryUser.builder("user" + i + "@example.com").externalId("u" + i).build());
    }
    List<DirectoryServicePrincipal> servicePrincipals = new ArrayList<>();
    for (int i = 0; i < spCount; i++) {
      servicePrincipals.add(DirectoryServicePrincipal.builder(new UUID(42L, i).toString()).externalId("s" + i).build());
    }
    List<DirectoryGroup> groups = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      List<String> members = new ArrayList<>();
      for (int k = 0; k < 19; k++) {
        members.add("user" + ((g * 19 + k) % userCount) + "@example.com");
      }
      DirectoryGroup.Builder group = DirectoryGroup.builder("group-" + g).externalId("g" + g).memberUsers(members)
          .memberServicePrincipals(new UUID(42L, g % spCount).toString());
      if (g + 1 < groupCount) {
        group.memberGroups("group-" + (g + 1));
      }
      groups.add(group.build());
    }
    Directory directory = Directory.builder().users(users).servicePrincipals(servicePrincipals).groups(groups).build();

    assertThat(directory.validate(LIMITS)).isEmpty();
    assertThat(DirectoryJson.read(DirectoryJson.write(directory))).isEqualTo(directory);
  }

  @Test
  void validate_valuesLongerThanTheLimits_reportedByLengthNotValue() {
    String longName = "n".repeat(DirectoryLimits.MAX_NAME_LENGTH + 1);
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("u".repeat(DirectoryLimits.MAX_USER_NAME_LENGTH + 1))
            .externalId("x".repeat(DirectoryLimits.MAX_EXTERNAL_ID_LENGTH + 1)).build())
        .addGroups(DirectoryGroup.builder(longName).build(),
            DirectoryGroup.builder("g".repeat(DirectoryLimits.MAX_NAME_LENGTH)).build())
        .build();

    List<DirectoryProblem> problems = directory.validate(LIMITS);

    assertThat(problems).extracting(DirectoryProblem::toString).containsExactly(
        "/users/0/userName: VALUE_TOO_LONG: the value of userName has 255 characters; the limit is 254",
        "/users/0/externalId: VALUE_TOO_LONG: the value of externalId has 65 characters; the limit is 64",
        "/groups/0/displayName: VALUE_TOO_LONG: the value of displayName has 257 characters; the limit is 256");
  }

  @Test
  void validate_longValuesInMessages_areCutWithAnEllipsis() {
    String longName = "m".repeat(1000);
    Directory directory = Directory.builder()
        .addGroups(DirectoryGroup.builder("eng").memberUsers(longName).build())
        .build();

    assertThat(directory.validate(LIMITS)).extracting(DirectoryProblem::message).containsExactly(
        "member user \"" + "m".repeat(80) + "...\" of group \"eng\" is not in the directory");
  }
}
