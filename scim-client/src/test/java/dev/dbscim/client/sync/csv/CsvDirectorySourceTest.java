package dev.dbscim.client.sync.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryLimits;
import dev.dbscim.client.sync.DirectoryProblem;
import dev.dbscim.client.sync.DirectoryProblem.Code;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.InvalidDirectoryException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDirectorySourceTest {
  private static final String USERS = "userName,displayName,givenName,familyName,externalId,active\n"
      + "ada@example.com,Ada Lovelace,Ada,Lovelace,g-1,true\n"
      + "bob@example.com,,,,,false\n";
  private static final String GROUPS = "displayName,externalId\ndata-eng,g-10\nanalysts,\n";
  private static final String MEMBERSHIPS = "group,memberType,member\n"
      + "data-eng,user,ada@example.com\n"
      + "data-eng,group,analysts\n"
      + "analysts,user,BOB@example.com\n";

  private static Directory read(String users, String groups, String memberships) {
    return CsvDirectorySource.read(new StringReader(users), new StringReader(groups), new StringReader(memberships));
  }

  private static List<DirectoryProblem> problems(String users, String groups, String memberships) {
    try {
      read(users, groups, memberships);
    } catch (InvalidDirectoryException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void read_wellFormedFiles_mapsEveryColumn() {
    Directory directory = read(USERS, GROUPS, MEMBERSHIPS);

    assertThat(directory.users()).containsExactly(
        DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
            .externalId("g-1").build(),
        DirectoryUser.builder("bob@example.com").active(false).build());
    assertThat(directory.groups()).containsExactly(
        DirectoryGroup.builder("data-eng").externalId("g-10").memberUsers("ada@example.com").memberGroups("analysts")
            .build(),
        DirectoryGroup.builder("analysts").memberUsers("bob@example.com").build());
    assertThat(directory.validate(DirectoryLimits.databricks())).isEmpty();
  }

  @Test
  void read_quotedFieldsWithCommasQuotesAndNewlines_keepsThemVerbatim() {
    String users = "userName,displayName\r\n"
        + "\"ada@example.com\",\"Lovelace, Ada \"\"the first\"\"\"\r\n"
        + "bob@example.com,\"Bob\nSecond line\"\r\n"
        + "\r\n";

    Directory directory = read(users, "displayName\n", "group,memberType,member\n");

    assertThat(directory.users()).extracting(u -> u.displayName().orElse(null))
        .containsExactly("Lovelace, Ada \"the first\"", "Bob\nSecond line");
  }

  @Test
  void read_byteOrderMarkAndHeaderCaseAndOrder_areAccepted() {
    String users = "\uFEFFACTIVE,UserName,entitlements\nFALSE,ada@example.com,workspace-access; databricks-sql-access\n";

    Directory directory = read(users, "DisplayName\n", "MEMBER,GROUP,membertype\n");

    assertThat(directory.users()).containsExactly(DirectoryUser.builder("ada@example.com").active(false)
        .entitlements(List.of("workspace-access", "databricks-sql-access")).build());
  }

  @Test
  void read_trailingEmptyFieldAndNoFinalNewline_areFields() {
    Directory directory = read("userName,displayName\nada@example.com,", "displayName,externalId\neng,", 
        "group,memberType,member");

    assertThat(directory.users()).containsExactly(DirectoryUser.builder("ada@example.com").build());
    assertThat(directory.groups()).containsExactly(DirectoryGroup.builder("eng").build());
  }

  @Test
  void read_problemsInSeveralFiles_reportsAllWithFileAndLine() {
    String users = "userName,active,nickname\n"
        + "ada@example.com,yes,x\n";
    String users2 = "userName,active\n"
        + "ada@example.com,yes\n"
        + ",true\n"
        + "\"bob@example.com,true\n"
        + "carl@example.com\n"
        + "ADA@example.com,true\n";

    assertThat(problems(users, GROUPS, "group,memberType,member\n"))
        .extracting(DirectoryProblem::location, DirectoryProblem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("users.csv:1", Code.UNKNOWN_KEY));

    List<DirectoryProblem> problems = problems(users2, "displayName\nteam\nteam\n",
        "group,memberType,member\n"
            + "team,user,nobody@example.com\n"
            + "ghosts,robot,x\n"
            + "team,user,carl@example.com\n"
            + "team,user,\"bad\"quote\n");

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("users.csv:2", Code.INVALID_VALUE),
        org.assertj.core.groups.Tuple.tuple("users.csv:3", Code.BLANK_FIELD),
        org.assertj.core.groups.Tuple.tuple("users.csv:4", Code.MALFORMED_CSV),
        org.assertj.core.groups.Tuple.tuple("groups.csv:3", Code.DUPLICATE_GROUP_NAME),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:2", Code.UNKNOWN_MEMBER),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:3", Code.UNKNOWN_MEMBER),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:3", Code.INVALID_VALUE),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:4", Code.UNKNOWN_MEMBER),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:5", Code.MALFORMED_CSV));
    assertThat(problems.get(2).message()).contains("never closed");
  }

  @Test
  void read_rowWithWrongFieldCountAndDuplicateUser_reportsBoth() {
    List<DirectoryProblem> problems = problems("userName,displayName\na@example.com\nb@example.com,B\n"
        + "B@example.com,again\n", "displayName\n", "group,memberType,member\n");

    assertThat(problems).extracting(DirectoryProblem::toString).containsExactly(
        "users.csv:2: MALFORMED_CSV: the row has 1 fields but the header has 2",
        "users.csv:4: DUPLICATE_USER_NAME: user name B@example.com appears more than once");
  }

  @Test
  void read_missingRequiredColumnAndEmptyFile_areReported() {
    List<DirectoryProblem> problems = problems("displayName\nAda\n", "", "group,member\n");

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("users.csv:1", Code.MISSING_FIELD),
        org.assertj.core.groups.Tuple.tuple("groups.csv:1", Code.MISSING_FIELD),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:1", Code.MISSING_FIELD));
  }

  @Test
  void read_duplicateMembershipAndMultilineRecord_reportLineWhereRecordStarts() {
    List<DirectoryProblem> problems = problems("userName,displayName\n\"ada@example.com\",\"two\nlines\"\n"
        + "bob@example.com,x,y\n", "displayName\neng\n",
        "group,memberType,member\neng,user,ada@example.com\neng,User,ADA@example.com\n");

    assertThat(problems).extracting(DirectoryProblem::location, DirectoryProblem::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("users.csv:4", Code.MALFORMED_CSV),
        org.assertj.core.groups.Tuple.tuple("memberships.csv:3", Code.DUPLICATE_MEMBER));
  }

  @Test
  void load_folderWithServicePrincipals_readsAllFilesEachTime(@TempDir Path folder) throws Exception {
    write(folder, "users.csv", USERS);
    write(folder, "groups.csv", GROUPS);
    write(folder, "memberships.csv", MEMBERSHIPS + "data-eng,servicePrincipal,0B6C1D1E-8F0A-4A55-9D4C-3C1F0E2B7A10\n");
    write(folder, "servicePrincipals.csv",
        "applicationId,displayName,active\n0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a10,etl,\n");
    CsvDirectorySource source = CsvDirectorySource.ofFolder(folder);

    Directory first = source.load();
    write(folder, "users.csv", "userName\ncarl@example.com\n");
    write(folder, "memberships.csv", "group,memberType,member\n");
    Directory second = source.load();

    assertThat(first.servicePrincipals()).hasSize(1);
    assertThat(first.groups().get(0).memberServicePrincipals())
        .containsExactly("0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a10");
    assertThat(second.users()).extracting(DirectoryUser::userName).containsExactly("carl@example.com");
    assertThat(source.toString()).contains(folder.toString());
  }

  @Test
  void load_missingRequiredFile_throwsUncheckedIo(@TempDir Path folder) throws Exception {
    write(folder, "users.csv", USERS);
    write(folder, "groups.csv", GROUPS);

    assertThatThrownBy(() -> CsvDirectorySource.ofFolder(folder).load())
        .isInstanceOf(UncheckedIOException.class).hasMessage("The CSV folder " + folder + " has no memberships.csv; "
            + "it needs users.csv, groups.csv and memberships.csv (servicePrincipals.csv is optional)");
  }

  @Test
  void load_latin1File_isAProblemAtTheLineOfTheFirstBadByte(@TempDir Path folder) throws Exception {
    Files.write(folder.resolve("users.csv"), "userName,displayName\nada@example.com,Ada\njose@example.com,Jos\u00e9\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    write(folder, "groups.csv", GROUPS);
    write(folder, "memberships.csv", "group,memberType,member\n");

    List<DirectoryProblem> problems = org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidDirectoryException.class, () -> CsvDirectorySource.ofFolder(folder).load()).problems();

    assertThat(problems).extracting(DirectoryProblem::toString).containsExactly("users.csv:3: MALFORMED_CSV: the file "
        + "is not UTF-8: the byte 0xE9 at line 3 (byte offset 61) cannot be read as UTF-8; save it as UTF-8");
  }

  @Test
  void read_unknownColumn_stillReportsMalformedRecordsOfTheFile() {
    List<DirectoryProblem> problems = problems("userName,usename\n\"ada@example.com,x\n", GROUPS, MEMBERSHIPS);

    assertThat(problems).extracting(DirectoryProblem::location).startsWith("users.csv:1", "users.csv:2");
    assertThat(problems.get(1).code()).isEqualTo(Code.MALFORMED_CSV);
  }

  private static void write(Path folder, String name, String text) throws Exception {
    Files.write(folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }
}
