package dev.dbscim.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link FakeScimServer} field of a JUnit 5 test class: {@link FakeScimExtension} starts it before each test
 * and closes it after. A {@code null} non-final field gets a fresh {@link FakeScimServer#create()}.
 *
 * <pre>{@code
 * class OnboardingServiceTest {
 *   @FakeScim final FakeScimServer scim = FakeScimServer.create();
 *
 *   @Test
 *   void onboard_newHire_createsUser() { ... scim.url() ... }
 * }
 * }</pre>
 *
 * <p>With the default per-method test instance lifecycle every test gets its own fake. The annotation also registers
 * {@link FakeScimExtension} for the class, so test methods can take a {@link FakeScimServer} parameter (a fake of its
 * own). Clients come from the fake's environment, as in {@link FakeScimServer#environment()}.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FakeScimExtension.class)
public @interface FakeScim {}
