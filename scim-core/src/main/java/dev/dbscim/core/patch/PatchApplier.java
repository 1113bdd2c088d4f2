package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.internal.PatchEngine;
import dev.dbscim.core.internal.PatchFailure;
import dev.dbscim.core.internal.RequiredAttributes;
import dev.dbscim.core.json.ScimJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a {@link PatchRequest} to a resource with the semantics of RFC 7644 sections 3.5.2.1 to 3.5.2.3, accepting
 * every form Entra ID, Okta, Terraform and the Databricks SDKs send.
 *
 * <p>Application is atomic: the input is never changed, and the result is a new tree that has every operation applied,
 * or a {@link PatchException} is thrown and no result exists. What it accepts beyond the RFC:
 * <ul>
 *   <li>{@code op} in any case (via {@link PatchOp}), a missing {@code schemas};</li>
 *   <li>booleans sent as {@code "True"}/{@code "false"} strings or as {@code [{"value":"false"}]} for the
 *       {@linkplain Options#booleanAttributes() boolean attributes};</li>
 *   <li>path-less values with dotted keys ({@code name.givenName}), URN-qualified keys
 *       ({@code urn:...:enterprise:2.0:User:employeeNumber}) and extension objects keyed by their URN;</li>
 *   <li>{@code null} sub-attributes ({@code "$ref": null}) inside values, which are dropped;</li>
 *   <li>{@linkplain Options#readOnlyAttributes() read-only attributes} ({@code id}, {@code meta}) inside path-less
 *       values, which are dropped (an explicit path to them fails with {@code mutability});</li>
 *   <li>an {@code add} on {@code emails[type eq "work"].value} where no element matches, which creates
 *       {@code {"type":"work","value":...}} (any filter made only of {@code eq} joined by {@code and} works);</li>
 *   <li>{@code remove} of {@code members} with a value array, which removes the listed elements by {@code value};</li>
 *   <li>a remove that finds nothing, which does nothing unless {@link Options#strictRemove()} is set.</li>
 * </ul>
 * An operation that leaves a required attribute without a value (a User's {@code userName}, a Group's
 * {@code displayName}, RFC 7643 sections 4.1.1 and 4.2), by {@code remove}, or by {@code replace} or {@code add} with
 * {@code null} or a blank string, fails with {@code invalidValue}: RFC 7644 section 3.5.2 requires each operation to be
 * compatible with the attribute's schema. The resource type is recognised by its core schema URN in {@code schemas} or
 * by {@code meta.resourceType}; a resource that shows neither has no required attributes. A service principal has
 * none (Databricks generates {@code applicationId} and accepts one created with {@code displayName} alone).
 * A filtered {@code replace} that matches nothing fails with {@code noTarget}; a non-object element for a
 * {@linkplain Options#multiValuedComplexAttributes() multi-valued complex attribute} (such as the bare string
 * {@code "value":"123"} for {@code members}) fails with {@code invalidSyntax}, as Databricks answers. When the last
 * element of a multi-valued attribute is removed, the attribute is removed (RFC 7644 section 3.5.2.2).
 *
 * <pre>{@code
 * PatchApplier applier = PatchApplier.create();
 * ObjectNode patched = applier.apply(group, GroupPatch.builder().addMember("101").build());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PatchApplier {
  private final Options options;
  private final PatchEngine engine;

  private PatchApplier(Options options) {
    this.options = options;
    this.engine =
        new PatchEngine(
            options.strictRemove(),
            options.booleanAttributes(),
            options.multiValuedComplexAttributes(),
            options.readOnlyAttributes(),
            options.ignoredAttributes());
  }

  /**
   * Returns an applier with {@link Options#defaults() default options}.
   *
   * @return the applier
   */
  public static PatchApplier create() {
    return new PatchApplier(Options.defaults());
  }

  /**
   * Returns an applier with the given options.
   *
   * @param options the options
   * @return the applier
   */
  public static PatchApplier create(Options options) {
    return new PatchApplier(Objects.requireNonNull(options, "options"));
  }

  /**
   * Returns the options this applier uses.
   *
   * @return the options
   */
  public Options options() {
    return options;
  }

  /**
   * Returns a copy of {@code resource} with every operation of {@code request} applied in order.
   *
   * @param resource the resource as a JSON object; never changed
   * @param request the request
   * @return a new tree
   * @throws PatchException when the resource is not an object or any operation cannot be applied
   */
  public ObjectNode apply(JsonNode resource, PatchRequest request) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(request, "request");
    if (!resource.isObject()) {
      throw new PatchException(PatchException.INVALID_SYNTAX, -1, "PATCH target must be a JSON object");
    }
    return apply(resource, request, RequiredAttributes.of(resource));
  }

  private ObjectNode apply(JsonNode resource, PatchRequest request, List<String> required) {
    ObjectNode copy = ((ObjectNode) resource).deepCopy();
    return PatchEngine.withKeyIndex(() -> applyAll(copy, request.operations(), required));
  }

  private ObjectNode applyAll(ObjectNode copy, List<PatchOperation> operations, List<String> required) {
    for (int i = 0; i < operations.size(); i++) {
      PatchOperation operation = operations.get(i);
      List<String> held = holding(copy, required);
      try {
        engine.apply(copy, operation.op(), operation.path().orElse(null), operation.value().orElse(null));
      } catch (PatchFailure failure) {
        throw new PatchException(failure.scimType(), i, describe(i, operation) + ": " + failure.getMessage());
      }
      for (String name : held) {
        if (!RequiredAttributes.hasValue(copy, name)) {
          throw new PatchException(PatchException.INVALID_VALUE, i,
              describe(i, operation) + ": the required attribute " + name + " would have no value");
        }
      }
    }
    return copy;
  }

  /** Returns the required attributes that have a value in {@code resource}, the ones an operation must not clear. */
  private static List<String> holding(ObjectNode resource, List<String> required) {
    if (required.isEmpty()) {
      return required;
    }
    List<String> held = new ArrayList<>(required.size());
    for (String name : required) {
      if (RequiredAttributes.hasValue(resource, name)) {
        held.add(name);
      }
    }
    return held;
  }

  /**
   * Returns a copy of a typed resource with {@code request} applied, converting through JSON with {@link ScimJson}.
   *
   * @param resource the resource; never changed
   * @param request the request
   * @param type the type to read the result as, such as {@code User.class}
   * @param <T> the resource type
   * @return the patched resource
   * @throws PatchException when an operation cannot be applied, or the result does not fit {@code type}
   *     ({@code invalidValue})
   */
  public <T> T apply(T resource, PatchRequest request, Class<T> type) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(request, "request");
    JsonNode tree = ScimJson.toTree(resource);
    if (!tree.isObject()) {
      throw new PatchException(PatchException.INVALID_SYNTAX, -1, "PATCH target must be a JSON object");
    }
    List<String> required = RequiredAttributes.of(type);
    ObjectNode patched = apply(tree, request, required.isEmpty() ? RequiredAttributes.of(tree) : required);
    try {
      return ScimJson.fromTree(patched, type);
    } catch (IllegalArgumentException e) {
      throw new PatchException(
          PatchException.INVALID_VALUE, -1, "PATCH result does not fit " + type.getSimpleName());
    }
  }

  /**
   * Returns a copy of a typed resource with {@code request} applied. The result is read as the nearest type in
   * {@code resource}'s hierarchy annotated with {@code @JsonDeserialize} (for dbscim models, the public abstract type
   * such as {@code User}), or as the resource's own class.
   *
   * @param resource the resource; never changed
   * @param request the request
   * @param <T> the resource type
   * @return the patched resource
   * @throws PatchException when an operation cannot be applied, or the result does not fit the type
   */
  @SuppressWarnings("unchecked")
  public <T> T apply(T resource, PatchRequest request) {
    Objects.requireNonNull(resource, "resource");
    return apply(resource, request, (Class<T>) deserializableType(resource.getClass()));
  }

  private static Class<?> deserializableType(Class<?> type) {
    Deque<Class<?>> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      Class<?> candidate = queue.poll();
      if (candidate.isAnnotationPresent(JsonDeserialize.class)) {
        return candidate;
      }
      if (candidate.getSuperclass() != null) {
        queue.add(candidate.getSuperclass());
      }
      queue.addAll(Arrays.asList(candidate.getInterfaces()));
    }
    return type;
  }

  private static String describe(int index, PatchOperation operation) {
    return "PATCH operation " + index + " (" + operation.op().wireName()
        + operation.path().map(path -> " " + path).orElse(" without path") + ")";
  }

  /**
   * Options of a {@link PatchApplier}. Attribute names are matched ignoring case.
   *
   * <pre>{@code
   * PatchApplier databricksLike = PatchApplier.create(PatchApplier.Options.builder()
   *     .ignoredAttributes(List.of("userName", "emails"))
   *     .build());
   * }</pre>
   */
  public static final class Options {
    private static final List<String> DEFAULT_BOOLEANS = Arrays.asList("active", "primary");
    private static final List<String> DEFAULT_MULTI_VALUED_COMPLEX =
        Arrays.asList(
            "members", "groups", "entitlements", "roles", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "x509Certificates");
    private static final List<String> DEFAULT_READ_ONLY = Arrays.asList("id", "meta");

    private final boolean strictRemove;
    private final Set<String> booleanAttributes;
    private final Set<String> multiValuedComplexAttributes;
    private final Set<String> readOnlyAttributes;
    private final Set<String> ignoredAttributes;

    private Options(Builder builder) {
      this.strictRemove = builder.strictRemove;
      this.booleanAttributes = frozen(builder.booleanAttributes);
      this.multiValuedComplexAttributes = frozen(builder.multiValuedComplexAttributes);
      this.readOnlyAttributes = frozen(builder.readOnlyAttributes);
      this.ignoredAttributes = frozen(builder.ignoredAttributes);
    }

    /**
     * Returns the default options: lenient removes, {@code active} and {@code primary} as booleans, the core schemas'
     * multi-valued complex attributes, {@code id} and {@code meta} read-only, nothing ignored.
     *
     * @return the default options
     */
    public static Options defaults() {
      return builder().build();
    }

    /**
     * Returns a builder holding the default options.
     *
     * @return a builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
      return new Builder()
          .strictRemove(strictRemove)
          .booleanAttributes(booleanAttributes)
          .multiValuedComplexAttributes(multiValuedComplexAttributes)
          .readOnlyAttributes(readOnlyAttributes)
          .ignoredAttributes(ignoredAttributes);
    }

    /**
     * Returns whether a {@code remove} that finds nothing (absent attribute, filter without match) fails with
     * {@code noTarget}. Default {@code false}: removes are idempotent, which is what Entra ID and Okta expect when
     * they retry; set it to follow RFC 7644 section 3.5.2.2 to the letter.
     *
     * @return whether removes are strict
     */
    public boolean strictRemove() {
      return strictRemove;
    }

    /**
     * Returns the attributes and sub-attributes whose values are booleans and may arrive as {@code "True"},
     * {@code "false"} or {@code [{"value":"false"}]}. Default {@code active}, {@code primary}.
     *
     * @return the attribute names
     */
    public Set<String> booleanAttributes() {
      return booleanAttributes;
    }

    /**
     * Returns the multi-valued complex attributes, whose values must be objects (a bare string fails with
     * {@code invalidSyntax}). Default: {@code members}, {@code groups}, {@code entitlements}, {@code roles},
     * {@code emails}, {@code phoneNumbers}, {@code ims}, {@code photos}, {@code addresses}, {@code x509Certificates}.
     *
     * @return the attribute names
     */
    public Set<String> multiValuedComplexAttributes() {
      return multiValuedComplexAttributes;
    }

    /**
     * Returns the top-level read-only attributes: dropped silently from path-less values (Okta sends {@code id}
     * there), refused with {@code mutability} when a path names them. Default {@code id}, {@code meta}.
     *
     * @return the attribute names
     */
    public Set<String> readOnlyAttributes() {
      return readOnlyAttributes;
    }

    /**
     * Returns the top-level attributes whose changes are dropped silently, with or without a path. Default none; a
     * Databricks-like server ignores {@code userName} and {@code emails}.
     *
     * @return the attribute names
     */
    public Set<String> ignoredAttributes() {
      return ignoredAttributes;
    }

    private static Set<String> frozen(Collection<String> names) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** Builds {@link Options}; every collection setter replaces the whole collection. */
    public static final class Builder {
      private boolean strictRemove;
      private Collection<String> booleanAttributes = DEFAULT_BOOLEANS;
      private Collection<String> multiValuedComplexAttributes = DEFAULT_MULTI_VALUED_COMPLEX;
      private Collection<String> readOnlyAttributes = DEFAULT_READ_ONLY;
      private Collection<String> ignoredAttributes = Collections.emptyList();

      private Builder() {}

      /**
       * Sets whether a remove that finds nothing fails; see {@link Options#strictRemove()}.
       *
       * @param strictRemove true to fail with {@code noTarget}
       * @return this builder
       */
      public Builder strictRemove(boolean strictRemove) {
        this.strictRemove = strictRemove;
        return this;
      }

      /**
       * Sets the boolean attributes; see {@link Options#booleanAttributes()}.
       *
       * @param names the attribute names
       * @return this builder
       */
      public Builder booleanAttributes(Collection<String> names) {
        this.booleanAttributes = checked(names);
        return this;
      }

      /**
       * Sets the multi-valued complex attributes; see {@link Options#multiValuedComplexAttributes()}.
       *
       * @param names the attribute names
       * @return this builder
       */
      public Builder multiValuedComplexAttributes(Collection<String> names) {
        this.multiValuedComplexAttributes = checked(names);
        return this;
      }

      /**
       * Sets the read-only attributes; see {@link Options#readOnlyAttributes()}.
       *
       * @param names the attribute names
       * @return this builder
       */
      public Builder readOnlyAttributes(Collection<String> names) {
        this.readOnlyAttributes = checked(names);
        return this;
      }

      /**
       * Sets the ignored attributes; see {@link Options#ignoredAttributes()}.
       *
       * @param names the attribute names
       * @return this builder
       */
      public Builder ignoredAttributes(Collection<String> names) {
        this.ignoredAttributes = checked(names);
        return this;
      }

      /**
       * Returns the options.
       *
       * @return the options
       */
      public Options build() {
        return new Options(this);
      }

      private static Collection<String> checked(Collection<String> names) {
        Objects.requireNonNull(names, "names");
        for (String name : names) {
          Objects.requireNonNull(name, "attribute name");
        }
        return new LinkedHashSet<>(names);
      }
    }
  }
}
