package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.DeletionThreshold;
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
    return options.deletionThreshold(DeletionThreshold.of(removals, percent)).build();
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
