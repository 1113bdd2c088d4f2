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
import java.util.List;
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
 * errors stay exactly as they were.
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
   * @param name the name as read
   * @param known the known name, in lower case
   * @return true on a match
   */
  static boolean is(String name, String known) {
    int length = known.length();
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      char k = known.charAt(i);
      if (c != k && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == k)) {
        return false;
      }
    }
    return true;
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
   * The shared reading loop: a builder per object, one call per attribute, Jackson's builder-based deserializer for
   * every shape the fast path does not handle.
   *
   * @param <T> the model type
   * @param <B> its builder
   */
  abstract static class FastDeserializer<T, B> extends StdDeserializer<T> implements ElementReader<T> {
    private static final long serialVersionUID = 1L;
    private final Class<?> builderClass;
    /** The builder-based deserializer that read this type before; set by {@link #prepare}. */
    private transient JsonDeserializer<Object> legacy;

    FastDeserializer(Class<T> type, Class<?> builderClass) {
      super(type);
      this.builderClass = builderClass;
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

    /**
     * Reads one attribute whose value token is current; returns the builder (possibly another instance). Known
     * attributes in unusual shapes go to {@link #viaFallback}, unknown ones to {@link #unknown}.
     */
    abstract B attribute(B builder, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        int[] seen) throws IOException;

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
      B builder = newBuilder();
      int[] seen = null;
      for (; name != null; name = p.nextFieldName()) {
        JsonToken token = p.nextToken();
        if (seen == null && (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT)) {
          seen = new int[1];
        }
        builder = attribute(builder, name, token, p, ctxt, seen == null ? NONE : seen);
      }
      try {
        return build(builder);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw ctxt.instantiationException(handledType(), e);
      }
    }

    /** Hands the current value of a known attribute to Jackson's builder-based deserializer. */
    @SuppressWarnings("unchecked")
    final B viaFallback(B builder, String property, JsonParser p, DeserializationContext ctxt) throws IOException {
      SettableBeanProperty setter = ((com.fasterxml.jackson.databind.deser.BeanDeserializerBase) legacy)
          .findProperty(property);
      return (B) setter.deserializeSetAndReturn(p, ctxt, builder);
    }
  }

  private static final int[] NONE = new int[1];

  /**
   * Reads a list attribute's array into the builder, after clearing what an earlier key of the same name put there.
   *
   * @return the builder
   */
  static <B, E> B list(B builder, JsonParser p, DeserializationContext ctxt, int[] seen, int bit,
      BiConsumer<B, List<E>> reset, ElementReader<E> reader, BiConsumer<B, E> add) throws IOException {
    if ((seen[0] & bit) != 0) {
      reset.accept(builder, Collections.<E>emptyList());
    }
    seen[0] |= bit;
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_NULL) {
        add.accept(builder, reader.read(p, ctxt));
      }
    }
    return builder;
  }

  private static final int SCHEMAS = 1;
  private static final int EMAILS = 2;
  private static final int ENTITLEMENTS = 4;
  private static final int GROUPS = 8;
  private static final int ROLES = 16;
  private static final int MEMBERS = 32;
  private static final int RESOURCES = 64;

  /** Reads {@link ComplexValue}. */
  public static final class ComplexValueDeserializer extends FastDeserializer<ComplexValue, ComplexValue.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public ComplexValueDeserializer() {
      super(ComplexValue.class, ComplexValue.Builder.class);
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
    ComplexValue build(ComplexValue.Builder builder) {
      return builder.build();
    }

    @Override
    ComplexValue.Builder attribute(ComplexValue.Builder b, String name, JsonToken token, JsonParser p,
        DeserializationContext ctxt, int[] seen) throws IOException {
      if (is(name, "value")) {
        return token == JsonToken.VALUE_STRING ? b.value(constantOrText(p)) : scalar(b, "value", token, p, ctxt);
      } else if (is(name, "display")) {
        return token == JsonToken.VALUE_STRING ? b.display(p.getText()) : scalar(b, "display", token, p, ctxt);
      } else if (is(name, "type")) {
        return token == JsonToken.VALUE_STRING ? b.type(constantOrText(p)) : scalar(b, "type", token, p, ctxt);
      } else if (is(name, "$ref")) {
        return token == JsonToken.VALUE_STRING ? b.ref(p.getText()) : scalar(b, "$ref", token, p, ctxt);
      } else if (is(name, "primary")) {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return b.primary(token == JsonToken.VALUE_TRUE);
        }
        return scalar(b, "primary", token, p, ctxt);
      }
      return b.putAdditionalAttributes(name, ctxt.readTree(p));
    }

    private ComplexValue.Builder scalar(ComplexValue.Builder b, String property, JsonToken token, JsonParser p,
        DeserializationContext ctxt) throws IOException {
      return token == JsonToken.VALUE_NULL ? b : viaFallback(b, property, p, ctxt);
    }
  }

  /** Reads {@link Email}. */
  public static final class EmailDeserializer extends FastDeserializer<Email, Email.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public EmailDeserializer() {
      super(Email.class, Email.Builder.class);
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
    Email build(Email.Builder builder) {
      return builder.build();
    }

    @Override
    Email.Builder attribute(Email.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        int[] seen) throws IOException {
      if (is(name, "value")) {
        return token == JsonToken.VALUE_STRING ? b.value(p.getText()) : scalar(b, "value", token, p, ctxt);
      } else if (is(name, "type")) {
        return token == JsonToken.VALUE_STRING ? b.type(constantOrText(p)) : scalar(b, "type", token, p, ctxt);
      } else if (is(name, "primary")) {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return b.primary(token == JsonToken.VALUE_TRUE);
        }
        return scalar(b, "primary", token, p, ctxt);
      } else if (is(name, "display")) {
        return token == JsonToken.VALUE_STRING ? b.display(p.getText()) : scalar(b, "display", token, p, ctxt);
      }
      return b.putAdditionalAttributes(name, ctxt.readTree(p));
    }

    private Email.Builder scalar(Email.Builder b, String property, JsonToken token, JsonParser p,
        DeserializationContext ctxt) throws IOException {
      return token == JsonToken.VALUE_NULL ? b : viaFallback(b, property, p, ctxt);
    }
  }

  /** Reads {@link Name}. */
  public static final class NameDeserializer extends FastDeserializer<Name, Name.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public NameDeserializer() {
      super(Name.class, Name.Builder.class);
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
    Name build(Name.Builder builder) {
      return builder.build();
    }

    @Override
    Name.Builder attribute(Name.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        int[] seen) throws IOException {
      String property;
      if (is(name, "givenname")) {
        property = "givenName";
      } else if (is(name, "familyname")) {
        property = "familyName";
      } else if (is(name, "formatted")) {
        property = "formatted";
      } else if (is(name, "middlename")) {
        property = "middleName";
      } else if (is(name, "honorificprefix")) {
        property = "honorificPrefix";
      } else if (is(name, "honorificsuffix")) {
        property = "honorificSuffix";
      } else {
        return b.putAdditionalAttributes(name, ctxt.readTree(p));
      }
      if (token == JsonToken.VALUE_NULL) {
        return b;
      }
      if (token != JsonToken.VALUE_STRING) {
        return viaFallback(b, property, p, ctxt);
      }
      String text = p.getText();
      switch (property) {
        case "givenName":
          return b.givenName(text);
        case "familyName":
          return b.familyName(text);
        case "formatted":
          return b.formatted(text);
        case "middleName":
          return b.middleName(text);
        case "honorificPrefix":
          return b.honorificPrefix(text);
        default:
          return b.honorificSuffix(text);
      }
    }
  }

  /** Reads {@link Meta}. */
  public static final class MetaDeserializer extends FastDeserializer<Meta, Meta.Builder>
      implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public MetaDeserializer() {
      super(Meta.class, Meta.Builder.class);
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
    Meta build(Meta.Builder builder) {
      return builder.build();
    }

    @Override
    Meta.Builder attribute(Meta.Builder b, String name, JsonToken token, JsonParser p, DeserializationContext ctxt,
        int[] seen) throws IOException {
      String property;
      if (is(name, "resourcetype")) {
        property = "resourceType";
      } else if (is(name, "created")) {
        property = "created";
      } else if (is(name, "lastmodified")) {
        property = "lastModified";
      } else if (is(name, "location")) {
        property = "location";
      } else if (is(name, "version")) {
        property = "version";
      } else {
        return b.putAdditionalAttributes(name, ctxt.readTree(p));
      }
      if (token == JsonToken.VALUE_NULL) {
        return b;
      }
      if (token != JsonToken.VALUE_STRING) {
        return viaFallback(b, property, p, ctxt);
      }
      switch (property) {
        case "resourceType":
          return b.resourceType(constantOrText(p));
        case "created":
          return b.created(p.getText());
        case "lastModified":
          return b.lastModified(p.getText());
        case "location":
          return b.location(p.getText());
        default:
          return b.version(p.getText());
      }
    }
  }

  /** The parts shared by the resource deserializers: nested value readers. */
  abstract static class ResourceDeserializer<T, B> extends FastDeserializer<T, B> implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;
    transient ElementReader<ComplexValue> complexValue;
    transient ElementReader<Meta> meta;

    ResourceDeserializer(Class<T> type, Class<?> builderClass) {
      super(type, builderClass);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
      prepare(ctxt, ctxt.constructType(handledType()));
      complexValue = elementReader(ctxt, ComplexValue.class);
      meta = elementReader(ctxt, Meta.class);
    }

    /** Returns the object reader for a nested value type, or a fallback-only reader for a non-object token. */
    final B object(B b, String property, JsonToken token, JsonParser p, DeserializationContext ctxt)
        throws IOException {
      return token == JsonToken.VALUE_NULL ? b : viaFallback(b, property, p, ctxt);
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
    private transient ElementReader<Email> email;
    private transient ElementReader<Name> name;

    /** Creates the deserializer; Jackson calls this. */
    public UserDeserializer() {
      super(User.class, User.Builder.class);
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
    User build(User.Builder builder) {
      return builder.build();
    }

    @Override
    User.Builder attribute(User.Builder b, String key, JsonToken token, JsonParser p, DeserializationContext ctxt,
        int[] seen) throws IOException {
      switch (key.length()) {
        case 2:
          if (is(key, "id")) {
            return token == JsonToken.VALUE_STRING ? b.id(p.getText()) : object(b, "id", token, p, ctxt);
          }
          break;
        case 4:
          if (is(key, "name")) {
            return token == JsonToken.START_OBJECT ? b.name(name.read(p, ctxt)) : object(b, "name", token, p, ctxt);
          } else if (is(key, "meta")) {
            return token == JsonToken.START_OBJECT ? b.meta(meta.read(p, ctxt)) : object(b, "meta", token, p, ctxt);
          }
          break;
        case 5:
          if (is(key, "roles")) {
            return token == JsonToken.START_ARRAY
                ? list(b, p, ctxt, seen, ROLES, SET_ROLES, complexValue, ADD_ROLE)
                : object(b, "roles", token, p, ctxt);
          }
          break;
        case 6:
          if (is(key, "emails")) {
            return token == JsonToken.START_ARRAY
                ? list(b, p, ctxt, seen, EMAILS, SET_EMAILS, email, ADD_EMAIL)
                : object(b, "emails", token, p, ctxt);
          } else if (is(key, "groups")) {
            return token == JsonToken.START_ARRAY
                ? list(b, p, ctxt, seen, GROUPS, SET_GROUPS, complexValue, ADD_GROUP)
                : object(b, "groups", token, p, ctxt);
          } else if (is(key, "active")) {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
              return b.active(token == JsonToken.VALUE_TRUE);
            }
            return object(b, "active", token, p, ctxt);
          }
          break;
        case 7:
          if (is(key, "schemas")) {
            return token == JsonToken.START_ARRAY
                ? list(b, p, ctxt, seen, SCHEMAS, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA)
                : object(b, "schemas", token, p, ctxt);
          }
          break;
        case 8:
          if (is(key, "username")) {
            return token == JsonToken.VALUE_STRING ? b.userName(p.getText()) : object(b, "userName", token, p, ctxt);
          } else if (is(key, "password")) {
            return token == JsonToken.VALUE_STRING ? b.password(p.getText()) : object(b, "password", token, p, ctxt);
          }
          break;
        case 10:
          if (is(key, "externalid")) {
            return token == JsonToken.VALUE_STRING
                ? b.externalId(p.getText()) : object(b, "externalId", token, p, ctxt);
          }
          break;
        case 11:
          if (is(key, "displayname")) {
            return token == JsonToken.VALUE_STRING
                ? b.displayName(p.getText()) : object(b, "displayName", token, p, ctxt);
          }
          break;
        case 12:
          if (is(key, "entitlements")) {
            return token == JsonToken.START_ARRAY
                ? list(b, p, ctxt, seen, ENTITLEMENTS, SET_ENTITLEMENTS, complexValue, ADD_ENTITLEMENT)
                : object(b, "entitlements", token, p, ctxt);
          }
          break;
        default:
          break;
      }
      return b.putAdditionalAttributes(key, ctxt.readTree(p));
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

    /** Creates the deserializer; Jackson calls this. */
    public GroupDeserializer() {
      super(Group.class, Group.Builder.class);
    }

    @Override
    Group.Builder newBuilder() {
      return Group.builder();
    }

    @Override
    Group build(Group.Builder builder) {
      return builder.build();
    }

    @Override
    Group.Builder attribute(Group.Builder b, String key, JsonToken token, JsonParser p, DeserializationContext ctxt,
        int[] seen) throws IOException {
      if (is(key, "id")) {
        return token == JsonToken.VALUE_STRING ? b.id(p.getText()) : object(b, "id", token, p, ctxt);
      } else if (is(key, "displayname")) {
        return token == JsonToken.VALUE_STRING ? b.displayName(p.getText()) : object(b, "displayName", token, p, ctxt);
      } else if (is(key, "members")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, MEMBERS, SET_MEMBERS, complexValue, ADD_MEMBER)
            : object(b, "members", token, p, ctxt);
      } else if (is(key, "schemas")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, SCHEMAS, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA)
            : object(b, "schemas", token, p, ctxt);
      } else if (is(key, "externalid")) {
        return token == JsonToken.VALUE_STRING ? b.externalId(p.getText()) : object(b, "externalId", token, p, ctxt);
      } else if (is(key, "meta")) {
        return token == JsonToken.START_OBJECT ? b.meta(meta.read(p, ctxt)) : object(b, "meta", token, p, ctxt);
      } else if (is(key, "groups")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, GROUPS, SET_GROUPS, complexValue, ADD_GROUP)
            : object(b, "groups", token, p, ctxt);
      } else if (is(key, "entitlements")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, ENTITLEMENTS, SET_ENTITLEMENTS, complexValue, ADD_ENTITLEMENT)
            : object(b, "entitlements", token, p, ctxt);
      } else if (is(key, "roles")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, ROLES, SET_ROLES, complexValue, ADD_ROLE)
            : object(b, "roles", token, p, ctxt);
      }
      return b.putAdditionalAttributes(key, ctxt.readTree(p));
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

    /** Creates the deserializer; Jackson calls this. */
    public ServicePrincipalDeserializer() {
      super(ServicePrincipal.class, ServicePrincipal.Builder.class);
    }

    @Override
    ServicePrincipal.Builder newBuilder() {
      return ServicePrincipal.builder();
    }

    @Override
    ServicePrincipal build(ServicePrincipal.Builder builder) {
      return builder.build();
    }

    @Override
    ServicePrincipal.Builder attribute(ServicePrincipal.Builder b, String key, JsonToken token, JsonParser p,
        DeserializationContext ctxt, int[] seen) throws IOException {
      if (is(key, "id")) {
        return token == JsonToken.VALUE_STRING ? b.id(p.getText()) : object(b, "id", token, p, ctxt);
      } else if (is(key, "applicationid")) {
        return token == JsonToken.VALUE_STRING
            ? b.applicationId(p.getText()) : object(b, "applicationId", token, p, ctxt);
      } else if (is(key, "displayname")) {
        return token == JsonToken.VALUE_STRING ? b.displayName(p.getText()) : object(b, "displayName", token, p, ctxt);
      } else if (is(key, "active")) {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return b.active(token == JsonToken.VALUE_TRUE);
        }
        return object(b, "active", token, p, ctxt);
      } else if (is(key, "schemas")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, SCHEMAS, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA)
            : object(b, "schemas", token, p, ctxt);
      } else if (is(key, "externalid")) {
        return token == JsonToken.VALUE_STRING ? b.externalId(p.getText()) : object(b, "externalId", token, p, ctxt);
      } else if (is(key, "meta")) {
        return token == JsonToken.START_OBJECT ? b.meta(meta.read(p, ctxt)) : object(b, "meta", token, p, ctxt);
      } else if (is(key, "groups")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, GROUPS, SET_GROUPS, complexValue, ADD_GROUP)
            : object(b, "groups", token, p, ctxt);
      } else if (is(key, "entitlements")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, ENTITLEMENTS, SET_ENTITLEMENTS, complexValue, ADD_ENTITLEMENT)
            : object(b, "entitlements", token, p, ctxt);
      } else if (is(key, "roles")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, ROLES, SET_ROLES, complexValue, ADD_ROLE)
            : object(b, "roles", token, p, ctxt);
      }
      return b.putAdditionalAttributes(key, ctxt.readTree(p));
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
    private transient ElementReader<Object> resource;

    /** Creates the deserializer; Jackson calls this, then {@link #createContextual}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ListResponseDeserializer() {
      super((Class) ListResponse.class, ListResponse.Builder.class);
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
    ListResponse<Object> build(ListResponse.Builder<Object> builder) {
      return builder.build();
    }

    @Override
    ListResponse.Builder<Object> attribute(ListResponse.Builder<Object> b, String key, JsonToken token, JsonParser p,
        DeserializationContext ctxt, int[] seen) throws IOException {
      if (is(key, "resources")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, RESOURCES, SET_RESOURCES, resource, ADD_RESOURCE)
            : scalar(b, "Resources", token, p, ctxt);
      } else if (is(key, "totalresults")) {
        return token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
            ? b.totalResults(p.getIntValue()) : scalar(b, "totalResults", token, p, ctxt);
      } else if (is(key, "itemsperpage")) {
        return token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
            ? b.itemsPerPage(p.getIntValue()) : scalar(b, "itemsPerPage", token, p, ctxt);
      } else if (is(key, "startindex")) {
        return token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
            ? b.startIndex(p.getIntValue()) : scalar(b, "startIndex", token, p, ctxt);
      } else if (is(key, "schemas")) {
        return token == JsonToken.START_ARRAY
            ? list(b, p, ctxt, seen, SCHEMAS, SET_SCHEMAS, STRING_ELEMENT, ADD_SCHEMA)
            : scalar(b, "schemas", token, p, ctxt);
      }
      return b.putAdditionalAttributes(key, ctxt.readTree(p));
    }

    private ListResponse.Builder<Object> scalar(ListResponse.Builder<Object> b, String property, JsonToken token,
        JsonParser p, DeserializationContext ctxt) throws IOException {
      return token == JsonToken.VALUE_NULL ? b : viaFallback(b, property, p, ctxt);
    }
  }
}
