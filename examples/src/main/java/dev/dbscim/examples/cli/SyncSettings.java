package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.DeletionThreshold;
import dev.dbscim.client.sync.ImpactOptions;
import dev.dbscim.client.sync.RemovalPolicy;
import dev.dbscim.client.sync.SyncOptions;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code plan} and {@code apply} share (a picocli mixin). */
final class SyncSettings {
  /** What the help of plan and apply says about impact: which API answers what, and what it costs. */
  static final String IMPACT_HELP = "Impact: the plan shows who gains and loses access to each workspace "
      + "(computed from the groups, members and assignments it reads anyway) and what each deactivation or deletion "
      + "breaks: the user's tokens (token management list, needs workspace admin), jobs (jobs/list: creator; "
      + "run-as only with --deep-impact), clusters (clusters/list: creator, single user, state), SQL warehouses, "
      + "queries, alerts and dashboards (their lists; Lakeview dashboard owners only with --deep-impact). Cost: one "
      + "list per kind of object and workspace (following its pages), never one per principal; --deep-impact adds "
      + "one call per job and per Lakeview dashboard. A workspace that cannot be read is a warning, never \"owns "
      + "nothing\". apply refuses a plan whose removals break active objects unless --allow-impact is given. "
      + "See docs/impact.md.";

  @Option(names = "--removal-policy", paramLabel = "POLICY", converter = PolicyConverter.class,
      completionCandidates = PolicyNames.class,
      description = "What happens to managed principals the directory no longer has: ${COMPLETION-CANDIDATES} "
          + "(default: deactivate).")
  RemovalPolicy removalPolicy;

  @Option(names = "--max-removals", paramLabel = "N",
      description = "Refuse plans that deactivate or delete more than N principals (default: 500).")
  Integer maxRemovals;

  @Option(names = "--max-removal-percent", paramLabel = "P",
      description = "Refuse plans that deactivate or delete more than P percent of the managed principals, counted "
          + "from 10 removals on (default: 20).")
  Double maxRemovalPercent;

  @Option(names = "--allow-removals-above-threshold",
      description = "Apply a plan even though it removes more than the threshold allows. Read the plan first.")
  boolean allowRemovalsAboveThreshold;

  @Option(names = "--workspace-host", paramLabel = "URL",
      description = "Provision one workspace without identity federation at URL instead of the account "
          + "(with DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, valid for it).")
  String workspaceHost;

  @Option(names = "--workspace", paramLabel = "ID=HOST",
      description = "On an account target: a workspace whose jobs, clusters, warehouses, queries, alerts, "
          + "dashboards and tokens are read to show what the plan's removals break; repeat it for each workspace. "
          + "Its token: the line ID=... of --workspace-token-file, else DATABRICKS_WORKSPACE_TOKEN_<ID>, else "
          + "DATABRICKS_WORKSPACE_TOKEN, else the account's credentials (OAuth M2M of a service principal that is "
          + "admin of the workspace). A workspace not named is not read, and the plan says so. Not with "
          + "--workspace-host, whose own credentials read that workspace. Against the embedded fake every "
          + "workspace is read.")
  java.util.List<String> workspaces = new java.util.ArrayList<>();

  @Option(names = "--workspace-token-file", paramLabel = "FILE",
      description = "A file of <workspaceId>=<token> lines (# starts a comment): the token of each --workspace, "
          + "a workspace admin's (listing every user's tokens needs admin rights).")
  java.nio.file.Path workspaceTokenFile;

  @Option(names = "--deep-impact",
      description = "Also make the reads that cost one call per object: jobs/get for each job (its run-as user; the "
          + "job list does not carry it) and the permissions of each Lakeview dashboard (who manages it; the list "
          + "has no owner). Without it the plan reads one list per kind of object and workspace, and says what the "
          + "deep reads would cost.")
  boolean deepImpact;

  @Option(names = "--impact-on-access-loss",
      description = "Also check what principals own in a workspace they lose all access to without being removed "
          + "(default: only deactivated and deleted principals are checked).")
  boolean impactOnAccessLoss;

  @Option(names = "--no-impact",
      description = "Turn impact off: the plan computes no access changes and reads nothing in the workspaces (what "
          + "a plan cost before), and its summary says so; apply then has nothing to refuse on impact.")
  boolean noImpact;

  @Option(names = "--allow-impact",
      description = "Apply a plan even though its removals break active objects (scheduled or continuous jobs, "
          + "running clusters, unexpired tokens, queries that run as their owner). Read the plan first.")
  boolean allowImpact;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Requests at once while reading and applying, 1 to 64 (default: ${DEFAULT-VALUE}); the client's "
          + "rate limits still pace them.")
  int concurrency = 8;

  @Option(names = "--json", description = "Print JSON for scripts instead of text.")
  boolean json;

  @Option(names = "--source", paramLabel = "KIND", defaultValue = "json",
      description = "Where the directory comes from: json (FILE is a directory JSON file; the default), csv (FILE is "
          + "a folder with users.csv, groups.csv, memberships.csv and optionally servicePrincipals.csv) or google "
          + "(Google Workspace / Cloud Identity through the Admin SDK Directory API; no FILE).")
  String source = "json";

  @Option(names = "--google-subject", paramLabel = "EMAIL",
      description = "With --source google: the Google admin the service account acts as (domain-wide delegation). "
          + "The service-account key file is read from GOOGLE_APPLICATION_CREDENTIALS.")
  String googleSubject;

  @Option(names = "--google-customer", paramLabel = "ID",
      description = "With --source google: the Google customer id (default: my_customer).")
  String googleCustomer;

  @Option(names = "--google-domain", paramLabel = "DOMAIN",
      description = "With --source google: read one domain instead of the whole customer.")
  String googleDomain;

  @Option(names = "--google-org-unit", paramLabel = "PATH",
      description = "With --source google: only users in this organizational unit or below; repeatable.")
  java.util.List<String> googleOrgUnits = new java.util.ArrayList<>();

  @Option(names = "--google-group", paramLabel = "EMAIL",
      description = "With --source google: only users who are (nested) members of this group.")
  String googleGroup;

  @Option(names = "--google-base-url", paramLabel = "URL", hidden = true,
      description = "The Directory API base URL (tests only).")
  java.net.URI googleBaseUrl;

  @Option(names = "--google-token-url", paramLabel = "URL", hidden = true,
      description = "The Google token endpoint (tests only).")
  java.net.URI googleTokenUrl;

  /** Returns whether the source needs a FILE argument. */
  boolean needsFile() {
    return !"google".equalsIgnoreCase(source);
  }

  /** Checks the values and returns the planning options; bad values are usage errors. */
  SyncOptions options(CommandSpec spec) {
    checkConcurrency(spec);
    SyncOptions.Builder options = SyncOptions.builder();
    if (removalPolicy != null) {
      options.removalPolicy(removalPolicy);
    }
    DeletionThreshold defaults = DeletionThreshold.defaults();
    int removals = maxRemovals == null ? defaults.maxRemovals() : maxRemovals;
    double percent = maxRemovalPercent == null ? defaults.maxPercent() : maxRemovalPercent;
    if (removals < 0) {
      throw new ParameterException(spec.commandLine(), "--max-removals must be 0 or more, not " + removals);
    }
    if (!(percent >= 0 && percent <= 100)) {
      throw new ParameterException(spec.commandLine(),
          "--max-removal-percent must be between 0 and 100, not " + maxRemovalPercent);
    }
    return options.deletionThreshold(DeletionThreshold.of(removals, percent)).impact(impactOptions(spec))
        .allowImpact(allowImpact).build();
  }

  /**
   * Returns the impact options without workspace clients (the target session adds them); conflicting flags are usage
   * errors.
   */
  private ImpactOptions impactOptions(CommandSpec spec) {
    if (workspaceHost != null && !workspaces.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--workspace names the workspaces read on an account target; "
          + "with --workspace-host the target's own credentials read its workspace, so leave --workspace out");
    }
    if (noImpact) {
      if (deepImpact || impactOnAccessLoss) {
        throw new ParameterException(spec.commandLine(), "--no-impact reads nothing, so it cannot go with "
            + (deepImpact ? "--deep-impact" : "--impact-on-access-loss"));
      }
      return ImpactOptions.disabled();
    }
    return ImpactOptions.builder().deepReads(deepImpact).accessLosses(impactOnAccessLoss).build();
  }

  /** Returns the {@code --workspace} values by id; a bad value is a usage error. */
  java.util.Map<Long, String> workspaceHosts() {
    return WorkspaceLogins.parseWorkspaces(workspaces);
  }

  void checkConcurrency(CommandSpec spec) {
    if (concurrency < 1 || concurrency > 64) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be between 1 and 64, not " + concurrency);
    }
  }

  /** Reads removal policies in lower case (any case is accepted). */
  static final class PolicyConverter implements CommandLine.ITypeConverter<RemovalPolicy> {
    @Override
    public RemovalPolicy convert(String value) {
      for (RemovalPolicy policy : RemovalPolicy.values()) {
        if (policy.name().equalsIgnoreCase(value.trim())) {
          return policy;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a removal policy; use deactivate, delete or keep");
    }
  }

  /** The removal policies as written on the command line. */
  static final class PolicyNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      String[] names = new String[RemovalPolicy.values().length];
      for (int i = 0; i < names.length; i++) {
        names[i] = RemovalPolicy.values()[i].name().toLowerCase(Locale.ROOT);
      }
      return Arrays.asList(names).iterator();
    }
  }
}
