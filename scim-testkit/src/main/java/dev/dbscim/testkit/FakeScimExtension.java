package dev.dbscim.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link FakeScim}: starts every annotated {@link FakeScimServer} field before each test
 * and closes it after, and resolves test method and constructor parameters of type {@link FakeScimServer}. Registered
 * automatically by the annotation, or with {@code @ExtendWith(FakeScimExtension.class)}; compiles against the Jupiter
 * 5.x API, so it runs on Java 11.
 *
 * <p>A {@link FakeScimServer} parameter is a fresh, started fake of its own, closed after the test (a constructor
 * parameter: after the test that instance runs, or after the class with {@code @TestInstance(PER_CLASS)}); all
 * {@link FakeScimServer} parameters of one test share that fake. The extension hands out no clients: build one from
 * {@link FakeScimServer#environment()} (see there).
 */
public final class FakeScimExtension
    implements BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeScimExtension.class);
  private static final String FIELD_SERVERS = "servers";
  private static final String PARAMETER_FAKE = "parameterFake";
  private static final String TO_CLOSE = "toClose";

  /** Creates the extension; JUnit calls this. */
  public FakeScimExtension() {}

  /**
   * Starts every {@code @FakeScim} field of the test instances, creating the fake when the field is {@code null}.
   *
   * @param context the test context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    adoptConstructorFake(context);
    List<FakeScimServer> started = new ArrayList<>();
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : fakeFields(instance.getClass())) {
        started.add(start(field, instance));
      }
    }
    context.getStore(NAMESPACE).put(FIELD_SERVERS, started);
  }

  /**
   * Moves a fake made for the constructor of a per-method test instance from the class context to this test, so it
   * is closed after this test and the method's parameters share it.
   */
  private static void adoptConstructorFake(ExtensionContext context) {
    if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
        != TestInstance.Lifecycle.PER_METHOD || !context.getParent().isPresent()) {
      return;
    }
    ExtensionContext.Store parent = context.getParent().get().getStore(NAMESPACE);
    ExtensionContext.Store own = context.getStore(NAMESPACE);
    FakeScimServer fake = parent.remove(PARAMETER_FAKE, FakeScimServer.class);
    if (fake != null) {
      parent.remove(TO_CLOSE);
      own.put(PARAMETER_FAKE, fake);
      toClose(own).add(fake);
    }
  }

  private static List<Field> fakeFields(Class<?> testClass) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(FakeScim.class)) {
          fields.add(field);
        }
      }
    }
    return fields;
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
   * Closes the fakes started for the test: those of the {@code @FakeScim} fields and the parameter fake.
   *
   * @param context the test context
   */
  @Override
  @SuppressWarnings("unchecked")
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    List<FakeScimServer> started = store.remove(FIELD_SERVERS, List.class);
    if (started != null) {
      for (FakeScimServer server : started) {
        server.close();
      }
    }
    closeParameterFakes(store);
  }

  /**
   * Closes a fake made for the constructor of a per-class test instance.
   *
   * @param context the class context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    closeParameterFakes(context.getStore(NAMESPACE));
  }

  @SuppressWarnings("unchecked")
  private static void closeParameterFakes(ExtensionContext.Store store) {
    store.remove(PARAMETER_FAKE);
    List<FakeScimServer> fakes = store.remove(TO_CLOSE, List.class);
    if (fakes != null) {
      for (FakeScimServer fake : fakes) {
        fake.close();
      }
    }
  }

  /**
   * Returns whether the parameter is a {@link FakeScimServer}.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context
   * @return whether this extension resolves it
   */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == FakeScimServer.class;
  }

  /**
   * Returns the test's parameter fake (see the class description).
   *
   * @param parameterContext the parameter
   * @param extensionContext the context
   * @return the fake
   */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterFake(extensionContext);
  }

  /** Returns the test's parameter fake, starting one the first time; the store's lookup includes the class's. */
  private static FakeScimServer parameterFake(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    FakeScimServer fake = store.get(PARAMETER_FAKE, FakeScimServer.class);
    if (fake == null) {
      fake = FakeScimServer.create().start();
      store.put(PARAMETER_FAKE, fake);
      toClose(store).add(fake);
    }
    return fake;
  }

  @SuppressWarnings("unchecked")
  private static List<FakeScimServer> toClose(ExtensionContext.Store store) {
    return store.getOrComputeIfAbsent(TO_CLOSE, key -> new ArrayList<FakeScimServer>(), List.class);
  }
}
