package dev.dbscim.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules between and inside the modules, checked on the main classes of every module (this module sees
 * them all: scim-core, scim-client, scim-testkit and examples). A new arrow against a rule fails the build.
 *
 * <ul>
 *   <li>core depends on neither the client nor the testkit;
 *   <li>the testkit (a server) never depends on the client;
 *   <li>no module depends on another module's {@code internal} package (its own is fine);
 *   <li>the facades never depend on {@code sync} or {@code migrate}: the facades are the classes of
 *       {@code dev.dbscim.client} itself and of {@code .api}, {@code .auth}, {@code .error}, {@code .paging},
 *       {@code .retry} and the transport in {@code .internal} (everything of the client but {@code sync} and
 *       {@code migrate}, which are built on top of them);
 *   <li>{@code migrate} may use {@code sync}, never the reverse.
 * </ul>
 *
 * <p>The rules are functions of the root package, so {@link #rules_onFixturesThatBreakThem_reportEachViolation()}
 * can show each of them failing on small fixture classes under {@code dev.dbscim.archfixture} (test sources).
 */
class ArchitectureTest {
  private static final String[] MODULES = {"core", "client", "testkit", "examples"};
  private static final String[] FACADE_PACKAGES = {"", ".api..", ".auth..", ".error..", ".paging..", ".retry..",
      ".internal.."};

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.dbscim");
  }

  /** Returns the rules for the modules under {@code root}, by name. */
  static Map<String, ArchRule> rules(String root) {
    Map<String, ArchRule> rules = new LinkedHashMap<>();
    rules.put("core", noClasses().that().resideInAPackage(root + ".core..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".client..", root + ".testkit..")
        .because("core holds the models; the client and the fake depend on it, never the reverse"));
    rules.put("testkit", noClasses().that().resideInAPackage(root + ".testkit..")
        .should().dependOnClassesThat().resideInAPackage(root + ".client..")
        .because("the fake is a server: it needs the models, never the client"));
    for (String module : MODULES) {
      rules.put("internal-" + module, noClasses().that().resideOutsideOfPackage(root + "." + module + "..")
          .should().dependOnClassesThat().resideInAPackage(root + "." + module + ".internal..")
          .because("an internal package is not API, also not for the other modules"));
    }
    String[] facades = new String[FACADE_PACKAGES.length];
    for (int i = 0; i < facades.length; i++) {
      facades[i] = root + ".client" + FACADE_PACKAGES[i];
    }
    rules.put("facades", noClasses().that().resideInAnyPackage(facades)
        .should().dependOnClassesThat().resideInAnyPackage(root + ".client.sync..", root + ".client.migrate..")
        .because("sync and migrate are built on the facades, never the reverse"));
    rules.put("sync", noClasses().that().resideInAPackage(root + ".client.sync..")
        .should().dependOnClassesThat().resideInAPackage(root + ".client.migrate..")
        .because("migrate may use sync, never the reverse"));
    return rules;
  }

  @Test
  void mainClasses_ofEveryModule_areImported() {
    // Class directories under `mvn test`, jars under `mvn verify`: either way each module's own classes, read from a
    // class file (not stubs of classes referenced only), must be there, or every rule would pass vacuously.
    for (String module : MODULES) {
      String prefix = "dev.dbscim." + module + ".";
      assertThat(mainClasses.stream().filter(c -> (c.getPackageName() + ".").startsWith(prefix))
          .filter(c -> c.getSource().isPresent()).count()).as(module).isGreaterThan(3);
    }
  }

  @Test
  void rules_onTheMainClasses_hold() {
    List<String> failures = new ArrayList<>();
    rules("dev.dbscim").forEach((name, rule) -> {
      EvaluationResult result = rule.evaluate(mainClasses);
      if (result.hasViolation()) {
        failures.add(result.getFailureReport().toString());
      }
    });
    assertThat(failures).isEmpty();
  }

  @Test
  void rules_onFixturesThatBreakThem_reportEachViolation() {
    JavaClasses fixtures = new ClassFileImporter().importPackages("dev.dbscim.archfixture");
    Map<String, String> offenders = new LinkedHashMap<>();
    offenders.put("core", "archfixture.core.CoreUsesClient");
    offenders.put("testkit", "archfixture.testkit.FakeUsesClient");
    offenders.put("internal-core", "archfixture.client.ClientUsesCoreInternal");
    offenders.put("internal-client", "archfixture.testkit.FakeUsesClientInternal");
    offenders.put("internal-testkit", "archfixture.examples.BenchUsesTestkitInternal");
    offenders.put("internal-examples", "archfixture.client.ClientUsesExamplesInternal");
    offenders.put("facades", "archfixture.client.FacadeUsesSync");
    offenders.put("sync", "archfixture.client.sync.SyncUsesMigrate");

    Map<String, ArchRule> rules = rules("dev.dbscim.archfixture");

    assertThat(rules.keySet()).containsExactlyElementsOf(offenders.keySet());
    rules.forEach((name, rule) -> {
      EvaluationResult result = rule.evaluate(fixtures);
      assertThat(result.hasViolation()).as(name).isTrue();
      assertThat(result.getFailureReport().getDetails()).as(name)
          .allMatch(line -> line.contains(offenders.get(name)));
    });
  }
}
