package dev.dbscim.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 extension behind {@link FakeScim}: starts every annotated {@link FakeScimServer} field before each test
 * and closes it after. Registered automatically by the annotation; compiles against the Jupiter 5.x API, so it runs on
 * Java 11.
 */
public final class FakeScimExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeScimExtension.class);

  /** Creates the extension; JUnit calls this. */
  public FakeScimExtension() {}

  /**
   * Starts every {@code @FakeScim} field of the test instances, creating the fake when the field is {@code null}.
   *
   * @param context the test context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    List<FakeScimServer> started = new ArrayList<>();
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (field.isAnnotationPresent(FakeScim.class)) {
            started.add(start(field, instance));
          }
        }
      }
    }
    context.getStore(NAMESPACE).put("servers", started);
  }

  private static FakeScimServer start(Field field, Object instance) {
    if (!FakeScimServer.class.equals(field.getType()) || Modifier.isStatic(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@FakeScim must annotate an instance field of type FakeScimServer: " + field);
    }
    try {
      field.setAccessible(true);
      FakeScimServer server = (FakeScimServer) field.get(instance);
      if (server == null) {
        if (Modifier.isFinal(field.getModifiers())) {
          throw new ExtensionConfigurationException("@FakeScim field is final and null: " + field);
        }
        server = FakeScimServer.create();
        field.set(instance, server);
      }
      return server.start();
    } catch (IllegalAccessException e) {
      throw new ExtensionConfigurationException("cannot access @FakeScim field " + field, e);
    }
  }

  /**
   * Closes the fakes started for the test.
   *
   * @param context the test context
   */
  @Override
  @SuppressWarnings("unchecked")
  public void afterEach(ExtensionContext context) {
    List<FakeScimServer> started = context.getStore(NAMESPACE).remove("servers", List.class);
    if (started != null) {
      for (FakeScimServer server : started) {
        server.close();
      }
    }
  }
}
