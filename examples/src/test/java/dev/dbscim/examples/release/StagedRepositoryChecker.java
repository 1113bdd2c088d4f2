package dev.dbscim.examples.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks staged artifacts, in Maven repository layouts on disk, the way Maven Central validates a deployment: per
 * artifact the POM, and unless it is a POM-only artifact the jar, its sources and its Javadoc, each with matching
 * {@code .md5} and {@code .sha1} checksums (and a {@code .asc} signature when signing is on); and every POM carries
 * the elements Central requires, directly or inherited from a staged parent POM.
 *
 * <p>A SNAPSHOT deployed to a repository has timestamped file names ({@code scim-core-0.1.0-20260105.101500-1.jar}):
 * the checker takes the file version from the one POM in the version directory.
 */
final class StagedRepositoryChecker {
  /**
   * The POM elements Central requires, as paths below {@code project}. {@code name} and {@code artifactId} are not
   * inherited by Maven; all others may come from the parent.
   */
  static final List<String> REQUIRED_POM_ELEMENTS = Arrays.asList(
      "groupId", "artifactId", "version", "name", "description", "url", "licenses/license/name",
      "developers/developer/name", "scm/url", "scm/connection");
  private static final List<String> NOT_INHERITED = Arrays.asList("artifactId", "name");
  private static final List<String> CHECKSUMS = Arrays.asList("md5", "sha1");

  private final List<Path> repositories;
  private final boolean signed;

  /**
   * @param repositories the roots of the staging repositories, searched in order for each artifact and parent POM
   * @param signed whether every file must have a {@code .asc} signature
   */
  StagedRepositoryChecker(List<Path> repositories, boolean signed) {
    this.repositories = new ArrayList<>(repositories);
    this.signed = signed;
  }

  /**
   * Returns the problems of one staged artifact, empty when Central would accept it.
   *
   * @param groupId the group id
   * @param artifactId the artifact id
   * @param version the project version ({@code 0.1.0} or {@code 0.1.0-SNAPSHOT})
   * @return one sentence per problem
   */
  List<String> check(String groupId, String artifactId, String version) {
    String coordinates = groupId + ":" + artifactId + ":" + version;
    List<String> problems = new ArrayList<>();
    Optional<Path> directory = versionDirectory(groupId, artifactId, version);
    if (!directory.isPresent()) {
      problems.add(coordinates + ": not staged (no directory " + relative(groupId, artifactId, version)
          + " in " + repositories + ")");
      return problems;
    }
    List<Path> poms = listFiles(directory.get(), ".pom");
    if (poms.size() != 1) {
      problems.add(coordinates + ": expected one POM in " + directory.get() + ", found " + poms.size());
      return problems;
    }
    Path pom = poms.get(0);
    String base = pom.getFileName().toString();
    base = base.substring(0, base.length() - ".pom".length());
    Element project;
    try {
      project = parse(pom);
    } catch (IOException e) {
      problems.add(coordinates + ": POM does not parse: " + e.getMessage());
      return problems;
    }
    List<String> files = new ArrayList<>();
    files.add(base + ".pom");
    if (!"pom".equals(text(project, "packaging").orElse("jar"))) {
      files.add(base + ".jar");
      files.add(base + "-sources.jar");
      files.add(base + "-javadoc.jar");
    }
    for (String file : files) {
      checkFile(coordinates, directory.get(), file, problems);
    }
    for (String element : REQUIRED_POM_ELEMENTS) {
      if (!inherited(project, element, 0).isPresent()) {
        problems.add(coordinates + ": POM has no <" + element + ">" + (NOT_INHERITED.contains(element)
            ? "" : " (nor inherits one from a staged parent)"));
      }
    }
    return problems;
  }

  private void checkFile(String coordinates, Path directory, String file, List<String> problems) {
    Path path = directory.resolve(file);
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (IOException e) {
      problems.add(coordinates + ": missing " + file);
      return;
    }
    if (content.length == 0) {
      problems.add(coordinates + ": empty " + file);
    }
    for (String algorithm : CHECKSUMS) {
      Path checksum = directory.resolve(file + "." + algorithm);
      if (!Files.isRegularFile(checksum)) {
        problems.add(coordinates + ": missing " + checksum.getFileName());
        continue;
      }
      String expected = digest(algorithm, content);
      String actual = firstWord(checksum);
      if (!expected.equalsIgnoreCase(actual)) {
        problems.add(coordinates + ": " + checksum.getFileName() + " is " + actual + ", the file's is " + expected);
      }
    }
    if (signed) {
      Path signature = directory.resolve(file + ".asc");
      if (!firstLine(signature).equals("-----BEGIN PGP SIGNATURE-----")) {
        problems.add(coordinates + ": missing or not a PGP signature: " + signature.getFileName());
      }
    }
  }

  /** The element's text in this POM, else in its parent's (when Maven inherits it), else empty. */
  private Optional<String> inherited(Element project, String path, int depth) {
    Optional<String> own = text(project, path);
    if (own.isPresent() || NOT_INHERITED.contains(path) || depth > 10) {
      return own;
    }
    if ((path.equals("groupId") || path.equals("version")) && text(project, "parent/" + path).isPresent()) {
      return text(project, "parent/" + path);
    }
    return parent(project).flatMap(parent -> inherited(parent, path, depth + 1));
  }

  private Optional<Element> parent(Element project) {
    Optional<String> groupId = text(project, "parent/groupId");
    Optional<String> artifactId = text(project, "parent/artifactId");
    Optional<String> version = text(project, "parent/version");
    if (!groupId.isPresent() || !artifactId.isPresent() || !version.isPresent()) {
      return Optional.empty();
    }
    Optional<Path> directory = versionDirectory(groupId.get(), artifactId.get(), version.get());
    if (!directory.isPresent()) {
      return Optional.empty();
    }
    List<Path> poms = listFiles(directory.get(), ".pom");
    if (poms.size() != 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(poms.get(0)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<Path> versionDirectory(String groupId, String artifactId, String version) {
    String relative = relative(groupId, artifactId, version);
    return repositories.stream().map(root -> root.resolve(relative)).filter(Files::isDirectory).findFirst();
  }

  private static String relative(String groupId, String artifactId, String version) {
    return groupId.replace('.', '/') + "/" + artifactId + "/" + version;
  }

  private static List<Path> listFiles(Path directory, String suffix) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      return new ArrayList<>();
    }
  }

  /** The non-blank text of the first element at a slash-separated path of child elements, else empty. */
  static Optional<String> text(Element element, String path) {
    Element current = element;
    for (String name : path.split("/")) {
      Element next = null;
      for (Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element && name.equals(child.getNodeName())) {
          next = (Element) child;
          break;
        }
      }
      if (next == null) {
        return Optional.empty();
      }
      current = next;
    }
    String text = current.getTextContent().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  static Element parse(Path pom) throws IOException {
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(pom + ": " + e.getMessage(), e);
    }
  }

  /** The lowercase hex digest of content, for {@code md5} or {@code sha1}. */
  static String digest(String algorithm, byte[] content) {
    try {
      byte[] hash = MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "MD5").digest(content);
      StringBuilder hex = new StringBuilder();
      for (byte b : hash) {
        hex.append(String.format(Locale.ROOT, "%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstWord(Path file) {
    String text = read(file).trim();
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  private static String firstLine(Path file) {
    String text = read(file);
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
