package dev.dbscim.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Email;
import dev.dbscim.core.model.Entitlement;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.io.IOException;
import java.util.Collections;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Streaming Jackson deserializers for the hot model types (users, groups, service principals, their complex values,
 * and list pages), registered through each model's {@code @JsonDeserialize(using = ...)}.
 *
 * <p>They read the common shapes straight from the {@link JsonParser} into the Immutables builders: attribute names are
 * matched ASCII-case-insensitively without lower-casing them, unknown attributes are kept as {@code JsonNode}s in
 * arrival order, explicit {@code null}s are skipped, and frequent constant values (schema URNs, {@code "work"},
 * {@code "direct"}, ...) are returned as shared strings. Any other shape of a known attribute (a single object where a
 * list is expected, a number where a string is expected, ...) and any non-object value is handed to Jackson's own
 * builder-based deserializer for the same type, which is what read every value before, so tolerance, coercions and
 * the kinds of errors stay as they were ({@code StreamingReadPropertiesTest} compares both paths on arbitrary
 * documents). Names match by ASCII case folding, so unlike Jackson's {@code toLowerCase} they also match in locales
 * such as Turkish.
 *
 * <p>Each deserializer keeps one builder per thread and resets it after every value (in {@code finally}), so reading
 * a page does not allocate a builder and its collections per resource; the reset builder holds no values, secrets
 * included. A value nested in a value of its own type gets a fresh builder.
 *
 * <p>Not public API; may change without notice.
 */
public final class ModelReaders {
  private static final String[][] CONSTANTS = constantsByLength(
      SchemaUrns.USER, SchemaUrns.WORKSPACE_USER, SchemaUrns.ENTERPRISE_USER, SchemaUrns.GROUP,
      SchemaUrns.SERVICE_PRINCIPAL, SchemaUrns.LIST_RESPONSE,
      "work", "home", "other", "direct", "indirect", "account_admin", "User", "Group", "ServicePrincipal",
      Group.WORKSPACE_GROUP_RESOURCE_TYPE, Entitlement.ALLOW_CLUSTER_CREATE.value(),
      Entitlement.ALLOW_INSTANCE_POOL_CREATE.value(), Entitlement.DATABRICKS_SQL_ACCESS.value(),
      Entitlement.WORKSPACE_ACCESS.value(), Entitlement.WORKSPACE_CONSUME.value());

  private ModelReaders() {}

  /** Reads one element of a multi-valued attribute; the current token is the element's first token, never null. */
  interface ElementReader<E> {
    E read(JsonParser p, DeserializationContext ctxt) throws IOException;
  }

  private static final ElementReader<String> STRING_ELEMENT = (p, ctxt) ->
      p.hasToken(JsonToken.VALUE_STRING) ? constantOrText(p) : ctxt.readValue(p, String.class);

  /**
   * Returns whether an attribute name equals a known name, ignoring the case of ASCII letters.
   *
   * <p>Jackson interns the attribute names it reads (its default), so the usual spelling is the very string literal
   * passed as {@code known} and matches by identity; other spellings are compared letter by letter.
   *
   * @param name the name as read
   * @param known the known name in its schema spelling, such as {@code "userName"}
   * @return true on a match
   */
  static boolean is(String name, String known) {
    if (name == known) {
      return true;
    }
    int length = known.length();
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      char k = known.charAt(i);
      if (c != k && lowerAscii(c) != lowerAscii(k)) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Returns the current string token as a shared constant when it is one, else as a new string. */
  static String constantOrText(JsonParser p) throws IOException {
    int length = p.getTextLength();
    if (length < CONSTANTS.length && CONSTANTS[length] != null) {
      char[] chars = p.getTextCharacters();
      int offset = p.getTextOffset();
      for (String constant : CONSTANTS[length]) {
        if (regionEquals(constant, chars, offset)) {
          return constant;
        }
      }
    }
    return p.getText();
  }

  private static boolean regionEquals(String constant, char[] chars, int offset) {
    for (int i = 0, n = constant.length(); i < n; i++) {
      if (constant.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static String[][] constantsByLength(String... constants) {
    int max = 0;
    for (String constant : constants) {
      max = Math.max(max, constant.length());
    }
    String[][] byLength = new String[max + 1][];
    for (String constant : constants) {
      String[] old = byLength[constant.length()];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = constant;
      byLength[constant.length()] = grown;
    }
    return byLength;
  }

  /**
   * A builder reused for every object of one type read on one thread; reset after each object, so it holds no values
   * between reads.
   *
   * @param <B> the builder type
   */
  static final class Scratch<B> {
    final B builder;
    /** Whether the current object set the type's required attribute. */
    boolean required;
    boolean busy;

    Scratch(B builder) {
      this.builder = builder;
    }
  }

  /**
   * The shared reading loop: a (reused) builder per object, one call per attribute, Jackson's builder-based
   * deserializer for every shape the fast path does not handle.
   *
   * @param <T> the model type
   * @param <B> its builder
   */
  abstract static class FastDeserializer<T, B> extends StdDeserializer<T> implements ElementReader<T> {
    private static final long serialVersionUID = 1L;
    private final Class<?> builderClass;
    /** The name of the attribute {@code build()} requires, or null. */
    private final String requiredName;
    /** The builder-based deserializer that read this type before; set by {@link #prepare}. */
    private transient JsonDeserializer<Object> legacy;
    /** This thread's builder, or null for a type whose builder cannot be fully reset. */
    private final transient ThreadLocal<Scratch<B>> scratch;

    FastDeserializer(Class<T> type, Class<?> builderClass, String requiredName, boolean reusable) {
      super(type);
      this.builderClass = builderClass;
      this.requiredName = requiredName;
      this.scratch = reusable ? ThreadLocal.withInitial(() -> new Scratch<>(newBuilder())) : null;
    }

    /** Builds the fallback deserializer for the given (possibly parameterised) type. */
    final void prepare(DeserializationContext ctxt, JavaType type) throws JsonMappingException {
      BeanDescription description = ctxt.getConfig().introspect(type);
      JsonDeserializer<Object> builderBased =
          ctxt.getFactory().createBuilderBasedDeserializer(ctxt, type, description, builderClass);
      if (builderBased instanceof ResolvableDeserializer) {
        ((ResolvableDeserializer) builderBased).resolve(ctxt);
      }
      this.legacy = builderBased;
    }

    abstract B newBuilder();

    /** Clears every attribute of a builder, so that it can build the next object and holds no values. */
    abstract void reset(B builder);

    /**
     * Reads one attribute whose value token is current. Known attributes in unusual shapes go to
     * {@link #viaFallback}, unknown ones into the additional attributes.
     */
    abstract void attribute(B builder, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<B> scratch) throws IOException;

    abstract T build(B builder);

    @Override
    public final T read(JsonParser p, DeserializationContext ctxt) throws IOException {
      return deserialize(p, ctxt);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String name;
      if (p.isExpectedStartObjectToken()) {
        name = p.nextFieldName();
      } else if (p.hasToken(JsonToken.FIELD_NAME)) {
        name = p.currentName();
      } else {
        return (T) legacy.deserialize(p, ctxt);
      }
      Scratch<B> s = scratch == null ? null : scratch.get();
      if (s == null || s.busy) {
        s = new Scratch<>(newBuilder()); // a value of this type nested in itself: rare, so not reused
      }
      s.busy = true;
      s.required = false;
      B builder = s.builder;
      try {
        for (; name != null; name = p.nextFieldName()) {
          attribute(builder, name, p.nextToken(), p, ctxt, s);
        }
        if (requiredName != null && !s.required) {
          // The reused builder may still count an earlier object's value as set: fail as a fresh one would.
          throw new IllegalStateException("Cannot build " + handledType().getSimpleName()
              + ", some of required attributes are not set [" + requiredName + "]");
        }
        return build(builder);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw ctxt.instantiationException(handledType(), e);
      } finally {
        reset(builder);
        s.busy = false;
      }
    }

    /** Hands the current value of a known attribute to Jackson's builder-based deserializer. */
    final void viaFallback(B builder, String property, JsonParser p, DeserializationContext ctxt, Scratch<B> s)
        throws IOException {
      SettableBeanProperty setter = ((com.fasterxml.jackson.databind.deser.BeanDeserializerBase) legacy)
          .findProperty(property);
      if (setter.deserializeSetAndReturn(p, ctxt, builder) != builder) {
        throw new IllegalStateException("builder setter returned another builder: " + property);
      }
      if (property.equals(requiredName)) {
        s.required = true;
      }
    }

    /** Sets a string attribute, or hands an unusual token to {@link #other}. */
    final void text(B builder, String property, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<B> s, BiConsumer<B, String> set) throws IOException {
      if (token == JsonToken.VALUE_STRING) {
        set.accept(builder, p.getText());
      } else {
        other(builder, property, token, p, ctxt, s);
      }
    }

    /** Sets a string attribute whose common values are shared constants, or hands an unusual token to other. */
    final void constantText(B builder, String property, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<B> s, BiConsumer<B, String> set) throws IOException {
      if (token == JsonToken.VALUE_STRING) {
        set.accept(builder, constantOrText(p));
      } else {
        other(builder, property, token, p, ctxt, s);
      }
    }

    /** Sets a boolean attribute, or hands an unusual token to {@link #other}. */
    final void flag(B builder, String property, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<B> s, BiConsumer<B, Boolean> set) throws IOException {
      if (isBoolean(token)) {
        set.accept(builder, token == JsonToken.VALUE_TRUE);
      } else {
        other(builder, property, token, p, ctxt, s);
      }
    }

    /** Reads a list attribute with {@link ModelReaders#list}, or hands an unusual token to {@link #other}. */
    final <E> void array(B builder, String property, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<B> s, BiConsumer<B, List<E>> reset, ElementReader<E> reader, BiConsumer<B, E> add)
        throws IOException {
      if (token == JsonToken.START_ARRAY) {
        list(builder, p, ctxt, reset, reader, add);
      } else {
        other(builder, property, token, p, ctxt, s);
      }
    }

    /** Skips an explicit null (absent) or hands any other unusual token to {@link #viaFallback}. */
    final void other(B builder, String property, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<B> s) throws IOException {
      if (token != JsonToken.VALUE_NULL) {
        viaFallback(builder, property, p, ctxt, s);
      }
    }
  }

  /**
   * Reads a list attribute's array into the builder, replacing what an earlier key of the same name put there (as the
   * builder-based path does).
   */
  static <B, E> void list(B builder, JsonParser p, DeserializationContext ctxt, BiConsumer<B, List<E>> reset,
      ElementReader<E> reader, BiConsumer<B, E> add) throws IOException {
    reset.accept(builder, Collections.<E>emptyList());
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_NULL) {
        add.accept(builder, reader.read(p, ctxt));
      }
    }
  }


  private static final Optional<String> NO_TEXT = Optional.empty();
  private static final Optional<Boolean> NO_FLAG = Optional.empty();
  private static final Map<String, JsonNode> NO_ATTRIBUTES = Collections.emptyMap();
  private static final List<String> NO_STRINGS = Collections.emptyList();
  private static final List<ComplexValue> NO_VALUES = Collections.emptyList();

  private static boolean isBoolean(JsonToken token) {
    return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
  }

  /** Reads {@link ComplexValue}. */
  public static final class ComplexValueDeserializer extends FastDeserializer<ComplexValue, ComplexValue.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public ComplexValueDeserializer() {
      super(ComplexValue.class, ComplexValue.Builder.class, null, true);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      prepare(ctxt, ctxt.constructType(ComplexValue.class));
    }

    @Override
    ComplexValue.Builder newBuilder() {
      return ComplexValue.builder();
    }

    @Override
    void reset(ComplexValue.Builder b) {
      b.value(NO_TEXT).display(NO_TEXT).type(NO_TEXT).primary(NO_FLAG).ref(NO_TEXT).additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    ComplexValue build(ComplexValue.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(ComplexValue.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<ComplexValue.Builder> s) throws IOException {
      if (is(name, "value")) {
        constantText(b, "value", token, p, ctxt, s, ComplexValue.Builder::value);
      } else if (is(name, "display")) {
        text(b, "display", token, p, ctxt, s, ComplexValue.Builder::display);
      } else if (is(name, "type")) {
        constantText(b, "type", token, p, ctxt, s, ComplexValue.Builder::type);
      } else if (is(name, "$ref")) {
        text(b, "$ref", token, p, ctxt, s, ComplexValue.Builder::ref);
      } else if (is(name, "primary")) {
        flag(b, "primary", token, p, ctxt, s, ComplexValue.Builder::primary);
      } else {
        b.putAdditionalAttributes(name, ctxt.readTree(p));
      }
    }
  }

  /** Reads {@link Email}. */
  public static final class EmailDeserializer extends FastDeserializer<Email, Email.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public EmailDeserializer() {
      super(Email.class, Email.Builder.class, null, true);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      prepare(ctxt, ctxt.constructType(Email.class));
    }

    @Override
    Email.Builder newBuilder() {
      return Email.builder();
    }

    @Override
    void reset(Email.Builder b) {
      b.value(NO_TEXT).type(NO_TEXT).primary(NO_FLAG).display(NO_TEXT).additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    Email build(Email.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(Email.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<Email.Builder> s) throws IOException {
      if (is(name, "value")) {
        text(b, "value", token, p, ctxt, s, Email.Builder::value);
      } else if (is(name, "type")) {
        constantText(b, "type", token, p, ctxt, s, Email.Builder::type);
      } else if (is(name, "primary")) {
        flag(b, "primary", token, p, ctxt, s, Email.Builder::primary);
      } else if (is(name, "display")) {
        text(b, "display", token, p, ctxt, s, Email.Builder::display);
      } else {
        b.putAdditionalAttributes(name, ctxt.readTree(p));
      }
    }
  }

  /** Reads {@link Name}. */
  public static final class NameDeserializer extends FastDeserializer<Name, Name.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public NameDeserializer() {
      super(Name.class, Name.Builder.class, null, true);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      prepare(ctxt, ctxt.constructType(Name.class));
    }

    @Override
    Name.Builder newBuilder() {
      return Name.builder();
    }

    @Override
    void reset(Name.Builder b) {
      b.formatted(NO_TEXT).familyName(NO_TEXT).givenName(NO_TEXT).middleName(NO_TEXT).honorificPrefix(NO_TEXT)
          .honorificSuffix(NO_TEXT).additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    Name build(Name.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(Name.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<Name.Builder> s) throws IOException {
      String property;
      if (is(name, "givenName")) {
        property = "givenName";
      } else if (is(name, "familyName")) {
        property = "familyName";
      } else if (is(name, "formatted")) {
        property = "formatted";
      } else if (is(name, "middleName")) {
        property = "middleName";
      } else if (is(name, "honorificPrefix")) {
        property = "honorificPrefix";
      } else if (is(name, "honorificSuffix")) {
        property = "honorificSuffix";
      } else {
        b.putAdditionalAttributes(name, ctxt.readTree(p));
        return;
      }
      if (token != JsonToken.VALUE_STRING) {
        other(b, property, token, p, ctxt, s);
        return;
      }
      String text = p.getText();
      switch (property) {
        case "givenName":
          b.givenName(text);
          break;
        case "familyName":
          b.familyName(text);
          break;
        case "formatted":
          b.formatted(text);
          break;
        case "middleName":
          b.middleName(text);
          break;
        case "honorificPrefix":
          b.honorificPrefix(text);
          break;
        default:
          b.honorificSuffix(text);
          break;
      }
    }
  }

  /** Reads {@link Meta}. */
  public static final class MetaDeserializer extends FastDeserializer<Meta, Meta.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public MetaDeserializer() {
      super(Meta.class, Meta.Builder.class, null, true);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      prepare(ctxt, ctxt.constructType(Meta.class));
    }

    @Override
    Meta.Builder newBuilder() {
      return Meta.builder();
    }

    @Override
    void reset(Meta.Builder b) {
      b.resourceType(NO_TEXT).created(NO_TEXT).lastModified(NO_TEXT).location(NO_TEXT).version(NO_TEXT)
          .additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    Meta build(Meta.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(Meta.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<Meta.Builder> s) throws IOException {
      String property;
      if (is(name, "resourceType")) {
        property = "resourceType";
      } else if (is(name, "created")) {
        property = "created";
      } else if (is(name, "lastModified")) {
        property = "lastModified";
      } else if (is(name, "location")) {
        property = "location";
      } else if (is(name, "version")) {
        property = "version";
      } else {
        b.putAdditionalAttributes(name, ctxt.readTree(p));
        return;
      }
      if (token != JsonToken.VALUE_STRING) {
        other(b, property, token, p, ctxt, s);
        return;
      }
      switch (property) {
        case "resourceType":
          b.resourceType(constantOrText(p));
          break;
        case "created":
          b.created(p.getText());
          break;
        case "lastModified":
          b.lastModified(p.getText());
          break;
        case "location":
          b.location(p.getText());
          break;
        default:
          b.version(p.getText());
          break;
      }
    }
  }

  /**
   * The parts shared by the resource deserializers: nested value readers and the attributes every resource has.
   *
   * @param <T> the resource type
   * @param <B> its builder
   */
  abstract static class ResourceDeserializer<T, B> extends FastDeserializer<T, B> implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;
    transient ElementReader<ComplexValue> complexValue;
    transient ElementReader<Meta> meta;

    ResourceDeserializer(Class<T> type, Class<?> builderClass, String requiredName) {
      super(type, builderClass, requiredName, true);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      prepare(ctxt, ctxt.constructType(handledType()));
      complexValue = elementReader(ctxt, ComplexValue.class);
      meta = elementReader(ctxt, Meta.class);
    }
  }

  @SuppressWarnings("unchecked")
  static <E> ElementReader<E> elementReader(DeserializationContext ctxt, Class<E> type) throws JsonMappingException {
    JsonDeserializer<Object> deserializer = ctxt.findRootValueDeserializer(ctxt.constructType(type));
    if (deserializer instanceof ElementReader) {
      return (ElementReader<E>) deserializer;
    }
    return (p, c) -> (E) deserializer.deserialize(p, c);
  }

  /** Reads {@link User}. */
  public static final class UserDeserializer extends ResourceDeserializer<User, User.Builder> {
    private static final long serialVersionUID = 1L;
    private static final BiConsumer<User.Builder, List<String>> SET_SCHEMAS = User.Builder::schemas;
    private static final BiConsumer<User.Builder, String> ADD_SCHEMA = User.Builder::addSchemas;
    private static final BiConsumer<User.Builder, List<Email>> SET_EMAILS = User.Builder::emails;
    private static final BiConsumer<User.Builder, Email> ADD_EMAIL = User.Builder::addEmails;
    private static final BiConsumer<User.Builder, List<ComplexValue>> SET_ENTITLEMENTS = User.Builder::entitlements;
    private static final BiConsumer<User.Builder, ComplexValue> ADD_ENTITLEMENT = User.Builder::addEntitlements;
    private static final BiConsumer<User.Builder, List<ComplexValue>> SET_GROUPS = User.Builder::groups;
    private static final BiConsumer<User.Builder, ComplexValue> ADD_GROUP = User.Builder::addGroups;
    private static final BiConsumer<User.Builder, List<ComplexValue>> SET_ROLES = User.Builder::roles;
    private static final BiConsumer<User.Builder, ComplexValue> ADD_ROLE = User.Builder::addRoles;
    private static final Optional<Name> NO_NAME = Optional.empty();
    private static final Optional<Meta> NO_META = Optional.empty();
    private static final List<Email> NO_EMAILS = Collections.emptyList();
    private transient ElementReader<Email> email;
    private transient ElementReader<Name> name;

    /** Creates the deserializer; Jackson calls this. */
    public UserDeserializer() {
      super(User.class, User.Builder.class, "userName");
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      super.resolve(ctxt);
      email = elementReader(ctxt, Email.class);
      name = elementReader(ctxt, Name.class);
    }

    @Override
    User.Builder newBuilder() {
      return User.builder();
    }

    @Override
    void reset(User.Builder b) {
      // userName cannot be unset; it is overwritten so the builder keeps no value (the loop checks presence itself).
      b.schemas(NO_STRINGS).id(NO_TEXT).externalId(NO_TEXT).userName("-").displayName(NO_TEXT).name(NO_NAME)
          .emails(NO_EMAILS).active(NO_FLAG).entitlements(NO_VALUES).groups(NO_VALUES).roles(NO_VALUES).meta(NO_META)
          .password(NO_TEXT).additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    User build(User.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(User.Builder b, String key, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<User.Builder> s) throws IOException {
      switch (key.length()) {
        case 2:
          if (is(key, "id")) {
            text(b, "id", token, p, ctxt, s, User.Builder::id);
            return;
          }
          break;
        case 4:
          if (is(key, "name")) {
            if (token == JsonToken.START_OBJECT) {
              b.name(name.read(p, ctxt));
            } else {
              other(b, "name", token, p, ctxt, s);
            }
            return;
          } else if (is(key, "meta")) {
            if (token == JsonToken.START_OBJECT) {
              b.meta(meta.read(p, ctxt));
            } else {
              other(b, "meta", token, p, ctxt, s);
            }
            return;
          }
          break;
        case 5:
          if (is(key, "roles")) {
            array(b, "roles", token, p, ctxt, s, SET_ROLES, complexValue, ADD_ROLE);
            return;
          }
          break;
        case 6:
          if (is(key, "emails")) {
            array(b, "emails", token, p, ctxt, s, SET_EMAILS, email, ADD_EMAIL);
            return;
          } else if (is(key, "groups")) {
            array(b, "groups", token, p, ctxt, s, SET_GROUPS, complexValue, ADD_GROUP);
            return;
          } else if (is(key, "active")) {
            flag(b, "active", token, p, ctxt, s, User.Builder::active);
            return;
          }
          break;
        case 7:
          if (is(key, "schemas")) {
            array(b, "schemas", token, p, ctxt, s, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA);
            return;
          }
          break;
        case 8:
          if (is(key, "userName")) {
            if (token == JsonToken.VALUE_STRING) {
              b.userName(p.getText());
              s.required = true;
            } else {
              other(b, "userName", token, p, ctxt, s);
            }
            return;
          } else if (is(key, "password")) {
            text(b, "password", token, p, ctxt, s, User.Builder::password);
            return;
          }
          break;
        case 10:
          if (is(key, "externalId")) {
            text(b, "externalId", token, p, ctxt, s, User.Builder::externalId);
            return;
          }
          break;
        case 11:
          if (is(key, "displayName")) {
            text(b, "displayName", token, p, ctxt, s, User.Builder::displayName);
            return;
          }
          break;
        case 12:
          if (is(key, "entitlements")) {
            array(b, "entitlements", token, p, ctxt, s, SET_ENTITLEMENTS, complexValue, ADD_ENTITLEMENT);
            return;
          }
          break;
        default:
          break;
      }
      b.putAdditionalAttributes(key, ctxt.readTree(p));
    }
  }

  /** Reads {@link Group}. */
  public static final class GroupDeserializer extends ResourceDeserializer<Group, Group.Builder> {
    private static final long serialVersionUID = 1L;
    private static final BiConsumer<Group.Builder, List<String>> SET_SCHEMAS = Group.Builder::schemas;
    private static final BiConsumer<Group.Builder, String> ADD_SCHEMA = Group.Builder::addSchemas;
    private static final BiConsumer<Group.Builder, List<ComplexValue>> SET_MEMBERS = Group.Builder::members;
    private static final BiConsumer<Group.Builder, ComplexValue> ADD_MEMBER = Group.Builder::addMembers;
    private static final BiConsumer<Group.Builder, List<ComplexValue>> SET_ENTITLEMENTS = Group.Builder::entitlements;
    private static final BiConsumer<Group.Builder, ComplexValue> ADD_ENTITLEMENT = Group.Builder::addEntitlements;
    private static final BiConsumer<Group.Builder, List<ComplexValue>> SET_GROUPS = Group.Builder::groups;
    private static final BiConsumer<Group.Builder, ComplexValue> ADD_GROUP = Group.Builder::addGroups;
    private static final BiConsumer<Group.Builder, List<ComplexValue>> SET_ROLES = Group.Builder::roles;
    private static final BiConsumer<Group.Builder, ComplexValue> ADD_ROLE = Group.Builder::addRoles;
    private static final Optional<Meta> NO_META = Optional.empty();

    /** Creates the deserializer; Jackson calls this. */
    public GroupDeserializer() {
      super(Group.class, Group.Builder.class, "displayName");
    }

    @Override
    Group.Builder newBuilder() {
      return Group.builder();
    }

    @Override
    void reset(Group.Builder b) {
      b.schemas(NO_STRINGS).id(NO_TEXT).externalId(NO_TEXT).displayName("-").members(NO_VALUES).groups(NO_VALUES)
          .entitlements(NO_VALUES).roles(NO_VALUES).meta(NO_META).additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    Group build(Group.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(Group.Builder b, String key, JsonToken token, JsonParser p, DeserializationContext ctxt,
        Scratch<Group.Builder> s) throws IOException {
      if (is(key, "id")) {
        text(b, "id", token, p, ctxt, s, Group.Builder::id);
      } else if (is(key, "displayName")) {
        if (token == JsonToken.VALUE_STRING) {
          b.displayName(p.getText());
          s.required = true;
        } else {
          other(b, "displayName", token, p, ctxt, s);
        }
      } else if (is(key, "members")) {
        array(b, "members", token, p, ctxt, s, SET_MEMBERS, complexValue, ADD_MEMBER);
      } else if (is(key, "schemas")) {
        array(b, "schemas", token, p, ctxt, s, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA);
      } else if (is(key, "externalId")) {
        text(b, "externalId", token, p, ctxt, s, Group.Builder::externalId);
      } else if (is(key, "meta")) {
        if (token == JsonToken.START_OBJECT) {
          b.meta(meta.read(p, ctxt));
        } else {
          other(b, "meta", token, p, ctxt, s);
        }
      } else if (is(key, "groups")) {
        array(b, "groups", token, p, ctxt, s, SET_GROUPS, complexValue, ADD_GROUP);
      } else if (is(key, "entitlements")) {
        array(b, "entitlements", token, p, ctxt, s, SET_ENTITLEMENTS, complexValue, ADD_ENTITLEMENT);
      } else if (is(key, "roles")) {
        array(b, "roles", token, p, ctxt, s, SET_ROLES, complexValue, ADD_ROLE);
      } else {
        b.putAdditionalAttributes(key, ctxt.readTree(p));
      }
    }
  }

  /** Reads {@link ServicePrincipal}. */
  public static final class ServicePrincipalDeserializer
      extends ResourceDeserializer<ServicePrincipal, ServicePrincipal.Builder> {
    private static final long serialVersionUID = 1L;
    private static final BiConsumer<ServicePrincipal.Builder, List<String>> SET_SCHEMAS =
        ServicePrincipal.Builder::schemas;
    private static final BiConsumer<ServicePrincipal.Builder, String> ADD_SCHEMA = ServicePrincipal.Builder::addSchemas;
    private static final BiConsumer<ServicePrincipal.Builder, List<ComplexValue>> SET_ENTITLEMENTS =
        ServicePrincipal.Builder::entitlements;
    private static final BiConsumer<ServicePrincipal.Builder, ComplexValue> ADD_ENTITLEMENT =
        ServicePrincipal.Builder::addEntitlements;
    private static final BiConsumer<ServicePrincipal.Builder, List<ComplexValue>> SET_GROUPS =
        ServicePrincipal.Builder::groups;
    private static final BiConsumer<ServicePrincipal.Builder, ComplexValue> ADD_GROUP =
        ServicePrincipal.Builder::addGroups;
    private static final BiConsumer<ServicePrincipal.Builder, List<ComplexValue>> SET_ROLES =
        ServicePrincipal.Builder::roles;
    private static final BiConsumer<ServicePrincipal.Builder, ComplexValue> ADD_ROLE =
        ServicePrincipal.Builder::addRoles;
    private static final Optional<Meta> NO_META = Optional.empty();

    /** Creates the deserializer; Jackson calls this. */
    public ServicePrincipalDeserializer() {
      super(ServicePrincipal.class, ServicePrincipal.Builder.class, null);
    }

    @Override
    ServicePrincipal.Builder newBuilder() {
      return ServicePrincipal.builder();
    }

    @Override
    void reset(ServicePrincipal.Builder b) {
      b.schemas(NO_STRINGS).id(NO_TEXT).externalId(NO_TEXT).applicationId(NO_TEXT).displayName(NO_TEXT)
          .active(NO_FLAG).entitlements(NO_VALUES).groups(NO_VALUES).roles(NO_VALUES).meta(NO_META)
          .additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    ServicePrincipal build(ServicePrincipal.Builder builder) {
      return builder.build();
    }

    @Override
    void attribute(ServicePrincipal.Builder b, String key, JsonToken token, JsonParser p,
        DeserializationContext ctxt, Scratch<ServicePrincipal.Builder> s) throws IOException {
      if (is(key, "id")) {
        text(b, "id", token, p, ctxt, s, ServicePrincipal.Builder::id);
      } else if (is(key, "applicationId")) {
        text(b, "applicationId", token, p, ctxt, s, ServicePrincipal.Builder::applicationId);
      } else if (is(key, "displayName")) {
        text(b, "displayName", token, p, ctxt, s, ServicePrincipal.Builder::displayName);
      } else if (is(key, "active")) {
        flag(b, "active", token, p, ctxt, s, ServicePrincipal.Builder::active);
      } else if (is(key, "schemas")) {
        array(b, "schemas", token, p, ctxt, s, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA);
      } else if (is(key, "externalId")) {
        text(b, "externalId", token, p, ctxt, s, ServicePrincipal.Builder::externalId);
      } else if (is(key, "meta")) {
        if (token == JsonToken.START_OBJECT) {
          b.meta(meta.read(p, ctxt));
        } else {
          other(b, "meta", token, p, ctxt, s);
        }
      } else if (is(key, "groups")) {
        array(b, "groups", token, p, ctxt, s, SET_GROUPS, complexValue, ADD_GROUP);
      } else if (is(key, "entitlements")) {
        array(b, "entitlements", token, p, ctxt, s, SET_ENTITLEMENTS, complexValue, ADD_ENTITLEMENT);
      } else if (is(key, "roles")) {
        array(b, "roles", token, p, ctxt, s, SET_ROLES, complexValue, ADD_ROLE);
      } else {
        b.putAdditionalAttributes(key, ctxt.readTree(p));
      }
    }
  }

  /** Reads {@link ListResponse} of any resource type; contextual, so it knows the element type. */
  public static final class ListResponseDeserializer
      extends FastDeserializer<ListResponse<Object>, ListResponse.Builder<Object>>
      implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    private static final BiConsumer<ListResponse.Builder<Object>, List<String>> SET_SCHEMAS =
        ListResponse.Builder::schemas;
    private static final BiConsumer<ListResponse.Builder<Object>, String> ADD_SCHEMA = ListResponse.Builder::addSchemas;
    private static final BiConsumer<ListResponse.Builder<Object>, List<Object>> SET_RESOURCES =
        ListResponse.Builder::resources;
    private static final BiConsumer<ListResponse.Builder<Object>, Object> ADD_RESOURCE =
        ListResponse.Builder::addResources;
    private static final Optional<Integer> NO_NUMBER = Optional.empty();
    private static final List<Object> NO_RESOURCES = Collections.emptyList();
    private transient ElementReader<Object> resource;

    /** Creates the deserializer; Jackson calls this, then {@link #createContextual}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ListResponseDeserializer() {
      super((Class) ListResponse.class, ListResponse.Builder.class, null, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JavaType type = ctxt.getContextualType();
      if (type == null && property != null) {
        type = property.getType();
      }
      if (type == null || !ListResponse.class.isAssignableFrom(type.getRawClass())) {
        type = ctxt.getTypeFactory().constructParametricType(ListResponse.class, Object.class);
      }
      JavaType elementType = type.containedTypeOrUnknown(0);
      ListResponseDeserializer contextual = new ListResponseDeserializer();
      contextual.prepare(ctxt, type);
      JsonDeserializer<Object> element = ctxt.findContextualValueDeserializer(elementType, property);
      contextual.resource = element instanceof ElementReader
          ? (ElementReader<Object>) element : element::deserialize;
      return contextual;
    }

    @Override
    ListResponse.Builder<Object> newBuilder() {
      return ListResponse.builder();
    }

    @Override
    void reset(ListResponse.Builder<Object> b) {
      // Not reused (totalResults cannot be unset, and a builder per page is cheap next to its resources); this only
      // releases the values.
      b.schemas(NO_STRINGS).itemsPerPage(NO_NUMBER).startIndex(NO_NUMBER).resources(NO_RESOURCES)
          .additionalAttributes(NO_ATTRIBUTES);
    }

    @Override
    ListResponse<Object> build(ListResponse.Builder<Object> builder) {
      return builder.build();
    }

    @Override
    void attribute(ListResponse.Builder<Object> b, String key, JsonToken token, JsonParser p,
        DeserializationContext ctxt, Scratch<ListResponse.Builder<Object>> s) throws IOException {
      if (is(key, "Resources")) {
        array(b, "Resources", token, p, ctxt, s, SET_RESOURCES, resource, ADD_RESOURCE);
      } else if (is(key, "totalResults")) {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
          b.totalResults(p.getIntValue());
        } else {
          other(b, "totalResults", token, p, ctxt, s);
        }
      } else if (is(key, "itemsPerPage")) {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
          b.itemsPerPage(p.getIntValue());
        } else {
          other(b, "itemsPerPage", token, p, ctxt, s);
        }
      } else if (is(key, "startIndex")) {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
          b.startIndex(p.getIntValue());
        } else {
          other(b, "startIndex", token, p, ctxt, s);
        }
      } else if (is(key, "schemas")) {
        array(b, "schemas", token, p, ctxt, s, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA);
      } else {
        b.putAdditionalAttributes(key, ctxt.readTree(p));
      }
    }
  }
}
