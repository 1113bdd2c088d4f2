package dev.dbscim.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of scim-client's value types, the same as scim-core's: package-private generated classes hidden
 * behind the abstract type, JDK collections only, builder lists and maps allocated when their first element arrives,
 * and {@code ****} in {@code toString()} for redacted attributes.
 *
 * <p>Not public API; may change without notice.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    deferCollectionAllocation = true,
    redactedMask = "****",
    defaults = @Value.Immutable(copy = true))
public @interface ValueStyle {}
