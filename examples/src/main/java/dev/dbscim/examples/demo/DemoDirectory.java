package dev.dbscim.examples.demo;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.DirectoryServicePrincipal;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates a realistic demo directory for trying the sync: about 2,000 users, 20 service principals and 300 groups
 * (12 departments, each with teams nested inside, some teams with sub-teams, and project groups), plus workspace
 * assignments for workspaces 1001 and 1002. The seed is fixed, so every run gives the same directory; its JSON is
 * bundled as the resource {@code dev/dbscim/examples/demo-directory.json} (regenerate it with this class's
 * {@code main}).
 *
 * <p>The directory has no entitlements: the demo syncs it into an account, and entitlements are managed per workspace,
 * so an account sync would only warn that it leaves them out.
 */
public final class DemoDirectory {
  /** The seed of every generated value. */
  public static final long SEED = 20260105L;
  /** The bundled JSON of {@link #generate()}, as a class-path resource. */
  public static final String RESOURCE = "/dev/dbscim/examples/demo-directory.json";

  private static final int USERS = 2_000;
  private static final List<String> FIRST = Arrays.asList(
      "Ada", "Alan", "Amara", "Ana", "Arjun", "Ben", "Bo", "Carmen", "Chen", "Chloe", "Daniel", "Diego", "Elena",
      "Emma", "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jana", "Javier", "Jin", "Kai", "Karin",
      "Leila", "Liam", "Lucia", "Maya", "Mateo", "Mei", "Nadia", "Noah", "Olga", "Omar", "Priya", "Quinn", "Rafael",
      "Rosa", "Sami", "Sofia", "Tariq", "Tess", "Uma", "Victor", "Wen", "Yara", "Yusuf", "Zoe");
  private static final List<String> LAST = Arrays.asList(
      "Abbott", "Adeyemi", "Bauer", "Becker", "Castillo", "Chowdhury", "Costa", "Dubois", "Eriksen", "Fischer",
      "Garcia", "Gupta", "Hansen", "Hernandez", "Ito", "Jansen", "Kim", "Kowalski", "Lopez", "Martin", "Meyer",
      "Moreau", "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Patel", "Petrov", "Quinn", "Rossi", "Santos",
      "Schmidt", "Silva", "Singh", "Suzuki", "Tanaka", "Torres", "Varga", "Wagner", "Wang", "Weber", "Williams",
      "Yilmaz", "Zhang");
  private static final List<String> DEPARTMENTS = Arrays.asList(
      "engineering", "data-science", "finance", "marketing", "sales", "operations", "legal", "people",
      "security", "support", "product", "research");
  private static final List<String> TEAMS = Arrays.asList(
      "platform", "analytics", "reporting", "ingestion", "ml", "infra", "growth", "insights");
  private static final List<String> SUB_TEAMS = Arrays.asList("core", "oncall", "contractors");
  private static final List<String> PROJECTS = Arrays.asList(
      "apollo", "borealis", "cascade", "delta", "ember", "fjord", "granite", "harbor", "iris", "juniper", "kestrel",
      "lumen", "meridian", "nimbus", "orchid", "prism", "quasar", "rivet", "sierra", "tundra", "umbra", "vertex");
  private static final List<String> SERVICES = Arrays.asList(
      "etl-nightly", "ingest-stream", "ml-training", "bi-refresh", "scim-provisioner", "cost-reporter",
      "audit-export", "feature-store", "dq-checks", "backup", "ci-deploy", "notebook-runner", "model-serving",
      "catalog-sync", "alerts", "lineage", "secrets-rotator", "airflow", "dbt-runner", "reverse-etl");

  private DemoDirectory() {}

  /**
   * Returns the demo directory; the same one on every call.
   *
   * @return the directory
   */
  public static Directory generate() {
    Random random = new Random(SEED);
    List<DirectoryUser> users = users(random);
    List<DirectoryServicePrincipal> servicePrincipals = servicePrincipals(random);
    List<DirectoryGroup> groups = new ArrayList<>();
    for (String department : DEPARTMENTS) {
      List<String> teamNames = new ArrayList<>();
      for (String team : TEAMS) {
        String teamName = department + "-" + team;
        teamNames.add(teamName);
        List<String> subTeams = new ArrayList<>();
        // The first 5 departments split every other team into 2 or 3 sub-teams: a third level of nesting.
        if (DEPARTMENTS.indexOf(department) < 5 && TEAMS.indexOf(team) % 2 == 0) {
          for (String sub : SUB_TEAMS) {
            if (subTeams.size() < 2 || random.nextBoolean()) {
              subTeams.add(teamName + "-" + sub);
            }
          }
        }
        for (String subTeam : subTeams) {
          groups.add(DirectoryGroup.builder(subTeam).externalId("grp-" + subTeam)
              .memberUsers(sample(random, users, 1, 12)).build());
        }
        groups.add(DirectoryGroup.builder(teamName).externalId("grp-" + teamName)
            .memberUsers(sample(random, users, 3, 40 - subTeams.size()))
            .memberGroups(subTeams)
            .build());
      }
      groups.add(DirectoryGroup.builder(department).externalId("dept-" + department)
          .memberGroups(teamNames)
          .build());
    }
    for (int i = 0; groups.size() < 300; i++) {
      String name = "project-" + PROJECTS.get(i % PROJECTS.size())
          + (i < PROJECTS.size() ? "" : "-" + (i / PROJECTS.size() + 1));
      DirectoryGroup.Builder project = DirectoryGroup.builder(name)
          .memberUsers(sample(random, users, 1, 40));
      if (i % 4 == 0) {
        List<String> bots = new ArrayList<>();
        for (DirectoryServicePrincipal sp : sampleOf(random, servicePrincipals, 1 + random.nextInt(2))) {
          bots.add(sp.applicationId());
        }
        project.memberServicePrincipals(bots);
      }
      groups.add(project.build());
    }
    List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>();
    for (String department : Arrays.asList("engineering", "data-science", "finance", "product")) {
      assignments.add(DirectoryWorkspaceAssignment.ofGroup(1001, department, WorkspacePermission.USER));
    }
    assignments.add(DirectoryWorkspaceAssignment.ofGroup(1001, "engineering-platform", WorkspacePermission.ADMIN));
    assignments.add(DirectoryWorkspaceAssignment.ofUser(1001, users.get(0).userName(), WorkspacePermission.ADMIN));
    assignments.add(DirectoryWorkspaceAssignment.ofServicePrincipal(
        1001, servicePrincipals.get(0).applicationId(), WorkspacePermission.USER));
    assignments.add(DirectoryWorkspaceAssignment.ofServicePrincipal(
        1001, servicePrincipals.get(1).applicationId(), WorkspacePermission.USER));
    assignments.add(DirectoryWorkspaceAssignment.ofGroup(1002, "marketing", WorkspacePermission.USER));
    assignments.add(DirectoryWorkspaceAssignment.ofGroup(1002, "sales", WorkspacePermission.USER));
    assignments.add(DirectoryWorkspaceAssignment.ofServicePrincipal(
        1002, servicePrincipals.get(2).applicationId(), WorkspacePermission.ADMIN));
    return Directory.builder()
        .users(users)
        .servicePrincipals(servicePrincipals)
        .groups(groups)
        .workspaceAssignments(assignments)
        .build();
  }

  private static List<DirectoryUser> users(Random random) {
    List<DirectoryUser> users = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < USERS; i++) {
      String first = FIRST.get(random.nextInt(FIRST.size()));
      String last = LAST.get(random.nextInt(LAST.size()));
      String base = (first + "." + last).toLowerCase(Locale.ROOT);
      String local = base;
      for (int n = 2; !taken.add(local); n++) {
        local = base + n;
      }
      users.add(DirectoryUser.builder(local + "@example.com")
          .displayName(first + " " + last)
          .givenName(first)
          .familyName(last)
          .externalId(String.format(Locale.ROOT, "emp-%05d", 10_000 + i))
          .active(random.nextInt(50) != 0)
          .build());
    }
    return users;
  }

  private static List<DirectoryServicePrincipal> servicePrincipals(Random random) {
    List<DirectoryServicePrincipal> servicePrincipals = new ArrayList<>();
    for (String service : SERVICES) {
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      servicePrincipals.add(DirectoryServicePrincipal.builder(new UUID(high, low).toString())
          .displayName("svc-" + service)
          .externalId("app-" + service)
          .build());
    }
    return servicePrincipals;
  }

  private static List<String> sample(Random random, List<DirectoryUser> users, int min, int max) {
    List<String> names = new ArrayList<>();
    for (DirectoryUser user : sampleOf(random, users, min + random.nextInt(Math.max(1, max - min + 1)))) {
      names.add(user.userName());
    }
    return names;
  }

  private static <T> List<T> sampleOf(Random random, List<T> items, int count) {
    Set<T> chosen = new LinkedHashSet<>();
    while (chosen.size() < count) {
      chosen.add(items.get(random.nextInt(items.size())));
    }
    return new ArrayList<>(chosen);
  }

  /**
   * Writes the demo directory's JSON to a file, to regenerate the bundled resource:
   * {@code java ... dev.dbscim.examples.demo.DemoDirectory examples/src/main/resources/dev/dbscim/examples/demo-directory.json}.
   *
   * @param args the output file
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DemoDirectory <output.json>");
      System.exit(2);
    }
    Files.write(Paths.get(args[0]), DirectoryJson.write(generate()).getBytes(StandardCharsets.UTF_8));
  }
}
