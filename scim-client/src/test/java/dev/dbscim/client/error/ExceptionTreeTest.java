package dev.dbscim.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.migrate.UnresolvedConflictsException;
import dev.dbscim.client.sync.DeletionThresholdExceededException;
import dev.dbscim.client.sync.DirectorySourceException;
import dev.dbscim.client.sync.ImpactNotAllowedException;
import dev.dbscim.client.sync.InvalidDirectoryException;
import dev.dbscim.client.sync.StalePlanException;
import dev.dbscim.client.sync.SyncInterruptedException;
import dev.dbscim.client.sync.google.GoogleDirectoryException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public exception of scim-client sits in the one unchecked tree under {@link DbscimException}, with the parents
 * the package documentation of {@code dev.dbscim.client.error} draws.
 */
class ExceptionTreeTest {
  /** Each public exception class and its documented superclass; the tree of the error package-info. */
  private static final Map<Class<?>, Class<?>> TREE = new LinkedHashMap<>();

  static {
    TREE.put(DbscimException.class, RuntimeException.class);
    TREE.put(ScimException.class, DbscimException.class);
    TREE.put(ScimClientException.class, ScimException.class);
    TREE.put(ScimTimeoutException.class, ScimClientException.class);
    TREE.put(ScimServiceException.class, ScimException.class);
    TREE.put(ScimBadRequestException.class, ScimServiceException.class);
    TREE.put(ScimUnauthorizedException.class, ScimServiceException.class);
    TREE.put(ScimForbiddenException.class, ScimServiceException.class);
    TREE.put(ScimNotFoundException.class, ScimServiceException.class);
    TREE.put(ScimConflictException.class, ScimServiceException.class);
    TREE.put(ScimPreconditionFailedException.class, ScimServiceException.class);
    TREE.put(ScimRateLimitedException.class, ScimServiceException.class);
    TREE.put(ScimServerException.class, ScimServiceException.class);
    TREE.put(SyncException.class, DbscimException.class);
    TREE.put(InvalidDirectoryException.class, SyncException.class);
    TREE.put(DirectorySourceException.class, SyncException.class);
    TREE.put(GoogleDirectoryException.class, DirectorySourceException.class);
    TREE.put(StalePlanException.class, SyncException.class);
    TREE.put(UnresolvedConflictsException.class, SyncException.class);
    TREE.put(DeletionThresholdExceededException.class, SyncException.class);
    TREE.put(ImpactNotAllowedException.class, SyncException.class);
    TREE.put(SyncInterruptedException.class, SyncException.class);
  }

  @Test
  void publicThrowables_onTheClassPath_areExactlyTheDocumentedTree() throws Exception {
    Map<String, String> scanned = new TreeMap<>();
    for (Class<?> type : publicThrowablesOfScimClient()) {
      scanned.put(type.getName(), type.getSuperclass().getName());
    }

    Map<String, String> documented = new TreeMap<>();
    TREE.forEach((type, parent) -> documented.put(type.getName(), parent.getName()));
    assertThat(scanned).isEqualTo(documented);
  }

  @Test
  void everyPublicException_isAnUncheckedDbscimException() {
    assertThat(TREE.keySet()).allSatisfy(type -> {
      assertThat(DbscimException.class).isAssignableFrom(type);
      assertThat(RuntimeException.class).isAssignableFrom(type);
    });
  }

  @Test
  void root_hasTwoBranches_scimCallsAndSyncs() {
    assertThat(TREE.entrySet().stream().filter(entry -> entry.getValue() == DbscimException.class)
        .map(Map.Entry::getKey)).containsExactly(ScimException.class, SyncException.class);
    assertThat(Modifier.isAbstract(DbscimException.class.getModifiers())).isTrue();
    assertThat(Modifier.isAbstract(SyncException.class.getModifiers())).isTrue();
  }

  /**
   * Returns the public {@link Throwable} classes under {@code dev/dbscim/client} of the directory or jar that holds
   * scim-client's classes, leaving out the {@code internal} packages, which are not API.
   */
  private static List<Class<?>> publicThrowablesOfScimClient() throws IOException, URISyntaxException {
    Path location = Paths.get(DbscimException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return publicThrowablesUnder(location);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location, (ClassLoader) null)) {
      return publicThrowablesUnder(jar.getPath("/"));
    }
  }

  private static List<Class<?>> publicThrowablesUnder(Path root) throws IOException {
    Path client = root.resolve("dev/dbscim/client");
    assertThat(client).as("scim-client classes at " + root).isDirectory();
    try (Stream<Path> files = Files.walk(client)) {
      return files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.contains("/internal/") && !name.endsWith("package-info.class")
              && !name.endsWith("module-info.class"))
          .map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
          .filter(type -> Throwable.class.isAssignableFrom(type) && isPublicApi(type))
          .collect(Collectors.toList());
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ExceptionTreeTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("cannot load " + name, e);
    }
  }

  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
