package dev.dbscim.client.sync;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the desired directory comes from: a file, a value built in code, or the caller's own adapter for an identity
 * provider's API, LDAP or a CSV export. Each sync calls {@link #load()} once.
 *
 * <pre>{@code
 * DirectorySource source = DirectorySource.ofFile(Path.of("directory.json"));
 * DirectorySource custom = () -> Directory.builder().addUsers(fetchUsersFromLdap()).build();
 * }</pre>
 */
@FunctionalInterface
public interface DirectorySource {
  /**
   * Returns the directory as it is now.
   *
   * @return the directory; not yet validated
   * @throws InvalidDirectoryException when the source's data cannot be read as a directory
   * @throws DirectorySourceException when the system behind the source (such as an identity provider's API) refused
   *     or failed
   * @throws java.io.UncheckedIOException when a local file of the source cannot be read
   */
  Directory load();

  /**
   * Returns a source that reads a JSON directory file (see {@link DirectoryJson}) on every {@link #load()}, so changes
   * to the file are picked up.
   *
   * @param file the JSON file
   * @return the source
   */
  static DirectorySource ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new DirectorySource() {
      @Override
      public Directory load() {
        return DirectoryJson.read(file);
      }

      @Override
      public String toString() {
        return "DirectorySource.ofFile(" + file + ")";
      }
    };
  }

  /**
   * Returns a source that always returns the given directory.
   *
   * @param directory the directory
   * @return the source
   */
  static DirectorySource of(Directory directory) {
    Objects.requireNonNull(directory, "directory");
    return () -> directory;
  }
}
