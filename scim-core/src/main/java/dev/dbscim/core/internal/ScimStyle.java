package dev.dbscim.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style shared by every dbscim value type: package-private generated classes hidden behind the abstract
 * type, JDK collections only, builder lists and maps allocated when their first element arrives (an empty builder
 * collection costs nothing, which matters when reading thousands of resources), and {@code ****} in {@code toString()}
 * for redacted attributes.
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
public @interface ScimStyle {}
