package dev.dbscim.client.sync.csv;

import dev.dbscim.client.internal.Excerpt;
import dev.dbscim.client.internal.Utf8Text;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryProblem;
import dev.dbscim.client.sync.DirectoryProblem.Code;
import dev.dbscim.client.sync.DirectoryServicePrincipal;
import dev.dbscim.client.sync.DirectorySource;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.InvalidDirectoryException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the desired directory from CSV files, such as an export of an HR system or a spreadsheet: {@code users.csv},
 * {@code groups.csv}, {@code memberships.csv} and, optionally, {@code servicePrincipals.csv} in one folder. The files
 * are read again on every {@link #load()}.
 *
 * <pre>{@code
 * DirectorySource source = CsvDirectorySource.ofFolder(Path.of("/etc/dbscim/directory"));
 * Directory desired = source.load();
 * }</pre>
 *
 * <h2>Format</h2>
 * RFC 4180 CSV in UTF-8, with or without a byte order mark: fields separated by commas, records by CRLF or LF; a field
 * in double quotes may contain commas, line breaks and quotes written twice ({@code "say ""hi"""}). The first record
 * of each file is the header. Header names are matched ignoring case and may come in any order; a column the format
 * does not define is <strong>rejected</strong> (so that a misspelt {@code usename} is not silently dropped). Values
 * are trimmed; an empty value means the attribute is absent. Completely empty lines are ignored.
 * <table>
 *   <caption>Files and columns (required columns in bold)</caption>
 *   <tr><th>file</th><th>columns</th></tr>
 *   <tr><td>{@code users.csv}</td><td><b>{@code userName}</b>, {@code displayName}, {@code givenName},
 *       {@code familyName}, {@code externalId}, {@code active}, {@code entitlements}</td></tr>
 *   <tr><td>{@code groups.csv}</td><td><b>{@code displayName}</b>, {@code externalId}, {@code entitlements}</td></tr>
 *   <tr><td>{@code memberships.csv}</td><td><b>{@code group}</b>, <b>{@code memberType}</b>,
 *       <b>{@code member}</b></td></tr>
 *   <tr><td>{@code servicePrincipals.csv} (optional file)</td><td><b>{@code applicationId}</b>,
 *       {@code displayName}, {@code externalId}, {@code active}, {@code entitlements}</td></tr>
 * </table>
 * <ul>
 *   <li>{@code active} is {@code true} or {@code false} (ignoring case); empty means {@code true}.</li>
 *   <li>{@code entitlements} lists wire values separated by semicolons, such as
 *       {@code workspace-access;databricks-sql-access}.</li>
 *   <li>In {@code memberships.csv}, {@code group} is a group's {@code displayName} from {@code groups.csv};
 *       {@code memberType} is {@code user}, {@code servicePrincipal} or {@code group} (ignoring case); {@code member}
 *       is the member's {@code userName}, {@code applicationId} or {@code displayName}. Names are matched ignoring case
 *       and written as spelt in their own file.</li>
 * </ul>
 *
 * <h2>Problems</h2>
 * Every problem in every file is collected before anything is returned, and thrown together as one
 * {@link InvalidDirectoryException} whose {@link DirectoryProblem#location()} is {@code file:line} (the line where the
 * record starts): malformed CSV ({@link Code#MALFORMED_CSV}), unknown or missing columns ({@link Code#UNKNOWN_KEY},
 * {@link Code#MISSING_FIELD}), blank required values ({@link Code#BLANK_FIELD}), a bad {@code active} or
 * {@code memberType} ({@link Code#INVALID_VALUE}), duplicates, and memberships naming unknown groups or members
 * ({@link Code#UNKNOWN_MEMBER}). The directory returned still goes through
 * {@link Directory#validate(dev.dbscim.client.sync.DirectoryLimits)} for the remaining rules (entitlement names,
 * application id format, group cycles, limits).
 */
public final class CsvDirectorySource implements DirectorySource {
  /** The users file name. */
  public static final String USERS_FILE = "users.csv";
  /** The groups file name. */
  public static final String GROUPS_FILE = "groups.csv";
  /** The memberships file name. */
  public static final String MEMBERSHIPS_FILE = "memberships.csv";
  /** The optional service principals file name. */
  public static final String SERVICE_PRINCIPALS_FILE = "servicePrincipals.csv";

  private static final List<String> USER_COLUMNS =
      Arrays.asList("userName", "displayName", "givenName", "familyName", "externalId", "active", "entitlements");
  private static final List<String> GROUP_COLUMNS = Arrays.asList("displayName", "externalId", "entitlements");
  private static final List<String> MEMBERSHIP_COLUMNS = Arrays.asList("group", "memberType", "member");
  private static final List<String> SERVICE_PRINCIPAL_COLUMNS =
      Arrays.asList("applicationId", "displayName", "externalId", "active", "entitlements");

  private final Path folder;

  private CsvDirectorySource(Path folder) {
    this.folder = folder;
  }

  /**
   * Returns a source reading {@value #USERS_FILE}, {@value #GROUPS_FILE}, {@value #MEMBERSHIPS_FILE} and, when it
   * exists, {@value #SERVICE_PRINCIPALS_FILE} from {@code folder} on every {@link #load()}.
   *
   * @param folder the folder holding the files
   * @return the source
   */
  public static CsvDirectorySource ofFolder(Path folder) {
    return new CsvDirectorySource(Objects.requireNonNull(folder, "folder"));
  }

  /**
   * Returns the directory in the folder's CSV files.
   *
   * @return the directory, not yet validated
   * @throws InvalidDirectoryException listing every problem in every file; a file that is not UTF-8 is such a problem,
   *     at the line of its first byte that is not
   * @throws UncheckedIOException when the folder or a required file is missing (the message names them) or a file
   *     cannot be read
   */
  @Override
  public Directory load() {
    List<String> missing = new ArrayList<>();
    for (String name : Arrays.asList(USERS_FILE, GROUPS_FILE, MEMBERSHIPS_FILE)) {
      if (!Files.isRegularFile(folder.resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      String message = Files.isDirectory(folder)
          ? "The CSV folder " + folder + " has no " + String.join(" and no ", missing) + "; it needs " + USERS_FILE
              + ", " + GROUPS_FILE + " and " + MEMBERSHIPS_FILE + " (" + SERVICE_PRINCIPALS_FILE + " is optional)"
          : "There is no CSV folder " + folder;
      throw new UncheckedIOException(message, new NoSuchFileException(folder.resolve(missing.get(0)).toString()));
    }
    List<DirectoryProblem> encoding = new ArrayList<>();
    String users = text(USERS_FILE, encoding);
    String groups = text(GROUPS_FILE, encoding);
    String memberships = text(MEMBERSHIPS_FILE, encoding);
    String servicePrincipals = Files.exists(folder.resolve(SERVICE_PRINCIPALS_FILE))
        ? text(SERVICE_PRINCIPALS_FILE, encoding) : "";
    if (!encoding.isEmpty()) {
      throw new InvalidDirectoryException(encoding);
    }
    try {
      return new Parse().run(new StringReader(users), new StringReader(groups), new StringReader(memberships),
          new StringReader(servicePrincipals));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the CSV directory in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Returns a file's text, or null after adding a problem when it is not UTF-8. */
  private String text(String name, List<DirectoryProblem> problems) {
    try {
      return Utf8Text.read(folder.resolve(name));
    } catch (Utf8Text.NotUtf8Exception e) {
      problems.add(DirectoryProblem.of(name + ":" + e.line(), Code.MALFORMED_CSV,
          "the file is not UTF-8: " + e.getMessage() + "; save it as UTF-8"));
      return null;
    }
  }

  /**
   * Returns the directory in CSV text given as readers, without service principals. The readers are read to their end
   * but not closed; problems name the standard file names.
   *
   * @param users the text of {@value #USERS_FILE}
   * @param groups the text of {@value #GROUPS_FILE}
   * @param memberships the text of {@value #MEMBERSHIPS_FILE}
   * @return the directory, not yet validated
   * @throws InvalidDirectoryException listing every problem in every text
   * @throws UncheckedIOException when a reader fails
   */
  public static Directory read(Reader users, Reader groups, Reader memberships) {
    return read(users, groups, memberships, new StringReader(""));
  }

  /**
   * Returns the directory in CSV text given as readers. The readers are read to their end but not closed; problems
   * name the standard file names.
   *
   * @param users the text of {@value #USERS_FILE}
   * @param groups the text of {@value #GROUPS_FILE}
   * @param memberships the text of {@value #MEMBERSHIPS_FILE}
   * @param servicePrincipals the text of {@value #SERVICE_PRINCIPALS_FILE}; an empty text means none
   * @return the directory, not yet validated
   * @throws InvalidDirectoryException listing every problem in every text
   * @throws UncheckedIOException when a reader fails
   */
  public static Directory read(Reader users, Reader groups, Reader memberships, Reader servicePrincipals) {
    try {
      return new Parse().run(Objects.requireNonNull(users, "users"), Objects.requireNonNull(groups, "groups"),
          Objects.requireNonNull(memberships, "memberships"),
          Objects.requireNonNull(servicePrincipals, "servicePrincipals"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the CSV directory: " + e.getMessage(), e);
    }
  }

  /**
   * Returns a description naming the folder.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "CsvDirectorySource.ofFolder(" + folder + ")";
  }

  /** One parse of all files; collects problems. */
  private static final class Parse {
    private final List<DirectoryProblem> problems = new ArrayList<>();
    private final Map<String, DirectoryUser> users = new LinkedHashMap<>();
    private final Map<String, DirectoryServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    private final Map<String, GroupRows> groups = new LinkedHashMap<>();

    Directory run(Reader usersText, Reader groupsText, Reader membershipsText, Reader spText) throws IOException {
      readUsers(usersText);
      readServicePrincipals(spText);
      readGroups(groupsText);
      readMemberships(membershipsText);
      if (!problems.isEmpty()) {
        throw new InvalidDirectoryException(problems);
      }
      List<DirectoryGroup> directoryGroups = new ArrayList<>(groups.size());
      for (GroupRows group : groups.values()) {
        directoryGroups.add(group.builder.memberUsers(group.users).memberServicePrincipals(group.servicePrincipals)
            .memberGroups(group.groups).build());
      }
      return Directory.builder()
          .users(new ArrayList<>(users.values()))
          .servicePrincipals(new ArrayList<>(servicePrincipals.values()))
          .groups(directoryGroups)
          .build();
    }

    private void readUsers(Reader text) throws IOException {
      Table table = new Table(text, USERS_FILE, USER_COLUMNS, Arrays.asList("userName"), false);
      for (Row row = table.next(); row != null; row = table.next()) {
        String userName = row.required("userName");
        Boolean active = row.active();
        if (userName == null || active == null) {
          continue;
        }
        if (users.containsKey(key(userName))) {
          row.problem(Code.DUPLICATE_USER_NAME, "user name " + Excerpt.of(userName) + " appears more than once");
          continue;
        }
        users.put(key(userName), DirectoryUser.builder(userName)
            .displayName(Optional.ofNullable(row.value("displayName")))
            .givenName(Optional.ofNullable(row.value("givenName")))
            .familyName(Optional.ofNullable(row.value("familyName")))
            .externalId(Optional.ofNullable(row.value("externalId")))
            .active(active)
            .entitlements(row.entitlements())
            .build());
      }
    }

    private void readServicePrincipals(Reader text) throws IOException {
      Table table = new Table(text, SERVICE_PRINCIPALS_FILE, SERVICE_PRINCIPAL_COLUMNS,
          Arrays.asList("applicationId"), true);
      for (Row row = table.next(); row != null; row = table.next()) {
        String applicationId = row.required("applicationId");
        Boolean active = row.active();
        if (applicationId == null || active == null) {
          continue;
        }
        if (servicePrincipals.containsKey(key(applicationId))) {
          row.problem(Code.DUPLICATE_APPLICATION_ID, "application id " + Excerpt.of(applicationId) + " appears more than once");
          continue;
        }
        servicePrincipals.put(key(applicationId), DirectoryServicePrincipal.builder(applicationId)
            .displayName(Optional.ofNullable(row.value("displayName")))
            .externalId(Optional.ofNullable(row.value("externalId")))
            .active(active)
            .entitlements(row.entitlements())
            .build());
      }
    }

    private void readGroups(Reader text) throws IOException {
      Table table = new Table(text, GROUPS_FILE, GROUP_COLUMNS, Arrays.asList("displayName"), false);
      for (Row row = table.next(); row != null; row = table.next()) {
        String displayName = row.required("displayName");
        if (displayName == null) {
          continue;
        }
        if (groups.containsKey(key(displayName))) {
          row.problem(Code.DUPLICATE_GROUP_NAME, "group " + Excerpt.of(displayName) + " appears more than once");
          continue;
        }
        groups.put(key(displayName), new GroupRows(displayName, DirectoryGroup.builder(displayName)
            .externalId(Optional.ofNullable(row.value("externalId")))
            .entitlements(row.entitlements())));
      }
    }

    private void readMemberships(Reader text) throws IOException {
      Table table = new Table(text, MEMBERSHIPS_FILE, MEMBERSHIP_COLUMNS, MEMBERSHIP_COLUMNS, false);
      for (Row row = table.next(); row != null; row = table.next()) {
        String group = row.required("group");
        String type = row.required("memberType");
        String member = row.required("member");
        if (group == null || type == null || member == null) {
          continue;
        }
        GroupRows target = groups.get(key(group));
        if (target == null) {
          row.problem(Code.UNKNOWN_MEMBER, "group " + Excerpt.of(group) + " is not in " + GROUPS_FILE);
        }
        String canonical;
        List<String> list;
        switch (type.toLowerCase(Locale.ROOT)) {
          case "user": {
            DirectoryUser user = users.get(key(member));
            canonical = user == null ? null : user.userName();
            list = target == null ? null : target.users;
            if (canonical == null) {
              row.problem(Code.UNKNOWN_MEMBER, "user " + Excerpt.of(member) + " is not in " + USERS_FILE);
            }
            break;
          }
          case "serviceprincipal": {
            DirectoryServicePrincipal sp = servicePrincipals.get(key(member));
            canonical = sp == null ? null : sp.applicationId();
            list = target == null ? null : target.servicePrincipals;
            if (canonical == null) {
              row.problem(Code.UNKNOWN_MEMBER, "service principal " + Excerpt.of(member) + " is not in "
                  + SERVICE_PRINCIPALS_FILE);
            }
            break;
          }
          case "group": {
            GroupRows nested = groups.get(key(member));
            canonical = nested == null ? null : nested.name;
            list = target == null ? null : target.groups;
            if (canonical == null) {
              row.problem(Code.UNKNOWN_MEMBER, "group " + Excerpt.of(member) + " is not in " + GROUPS_FILE);
            }
            break;
          }
          default:
            row.problem(Code.INVALID_VALUE, "memberType must be user, servicePrincipal or group, not " + Excerpt.of(type));
            continue;
        }
        if (canonical == null || list == null) {
          continue;
        }
        if (!target.seen.add(type.toLowerCase(Locale.ROOT) + "\u0000" + key(canonical))) {
          row.problem(Code.DUPLICATE_MEMBER, Excerpt.of(type) + " " + Excerpt.of(member) + " is listed twice in group "
              + Excerpt.of(group));
          continue;
        }
        list.add(canonical);
      }
    }

    /** One CSV file: its header and rows. */
    private final class Table {
      private final CsvRecords records;
      private final String file;
      private final Map<String, Integer> columns = new HashMap<>();
      private int width;
      private boolean usable;

      Table(Reader text, String file, List<String> allowed, List<String> required, boolean optionalFile)
          throws IOException {
        this.records = new CsvRecords(text, file, problems);
        this.file = file;
        CsvRecords.Record header = records.next();
        if (header == null) {
          if (!optionalFile) {
            problems.add(DirectoryProblem.of(file + ":1", Code.MISSING_FIELD,
                "the file is empty; the first line must be the header " + String.join(",", required)));
          }
          return;
        }
        Map<String, String> byLower = new HashMap<>();
        for (String name : allowed) {
          byLower.put(name.toLowerCase(Locale.ROOT), name);
        }
        boolean ok = true;
        for (int i = 0; i < header.fields.size(); i++) {
          String raw = header.fields.get(i).trim();
          String name = byLower.get(raw.toLowerCase(Locale.ROOT));
          if (name == null) {
            problems.add(DirectoryProblem.of(file + ":" + header.line, Code.UNKNOWN_KEY, "unknown column \""
                + Excerpt.of(raw) + "\"; the columns of " + file + " are " + String.join(", ", allowed)));
            ok = false;
          } else if (columns.put(name, i) != null) {
            problems.add(DirectoryProblem.of(file + ":" + header.line, Code.MALFORMED_CSV,
                "column " + name + " appears more than once in the header"));
            ok = false;
          }
        }
        for (String name : required) {
          if (!columns.containsKey(name)) {
            problems.add(DirectoryProblem.of(file + ":" + header.line, Code.MISSING_FIELD,
                "the header has no column " + name));
            ok = false;
          }
        }
        this.width = header.fields.size();
        this.usable = ok;
      }

      /**
       * Returns the next row with the header's width, reporting others; null at the end. After a bad header it
       * returns null at once but still reads the file to its end, so that malformed records are reported too.
       */
      Row next() throws IOException {
        if (!usable) {
          while (records.next() != null) {
            // Only the problems CsvRecords reports matter here.
          }
          return null;
        }
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
          if (record.fields.size() != width) {
            problems.add(DirectoryProblem.of(file + ":" + record.line, Code.MALFORMED_CSV, "the row has "
                + record.fields.size() + " fields but the header has " + width));
            continue;
          }
          return new Row(this, record);
        }
        return null;
      }
    }

    /** One data row. */
    private final class Row {
      private final Table table;
      private final CsvRecords.Record record;

      Row(Table table, CsvRecords.Record record) {
        this.table = table;
        this.record = record;
      }

      String value(String column) {
        Integer index = table.columns.get(column);
        if (index == null) {
          return null;
        }
        String value = record.fields.get(index).trim();
        return value.isEmpty() ? null : value;
      }

      String required(String column) {
        String value = value(column);
        if (value == null) {
          problem(Code.BLANK_FIELD, column + " is empty");
        }
        return value;
      }

      /** Returns the active flag, or null after reporting a bad value. */
      Boolean active() {
        String value = value("active");
        if (value == null || value.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        problem(Code.INVALID_VALUE, "active must be true or false, not " + Excerpt.of(value));
        return null;
      }

      List<String> entitlements() {
        String value = value("entitlements");
        List<String> entitlements = new ArrayList<>();
        if (value != null) {
          for (String part : value.split(";")) {
            if (!part.trim().isEmpty()) {
              entitlements.add(part.trim());
            }
          }
        }
        return entitlements;
      }

      void problem(Code code, String message) {
        problems.add(DirectoryProblem.of(table.file + ":" + record.line, code, message));
      }
    }
  }

  /** A group from groups.csv and the members memberships.csv gives it. */
  private static final class GroupRows {
    final String name;
    final DirectoryGroup.Builder builder;
    final List<String> users = new ArrayList<>();
    final List<String> servicePrincipals = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final Set<String> seen = new HashSet<>();

    GroupRows(String name, DirectoryGroup.Builder builder) {
      this.name = name;
      this.builder = builder;
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
