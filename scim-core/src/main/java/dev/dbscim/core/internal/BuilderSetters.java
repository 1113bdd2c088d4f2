package dev.dbscim.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.BeanPropertyMap;
import com.fasterxml.jackson.databind.deser.impl.MethodProperty;
import com.fasterxml.jackson.databind.deser.impl.NullsConstantProvider;
import com.fasterxml.jackson.databind.deser.std.CollectionDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StringCollectionDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Makes Jackson's builder-based reading of the model types ({@code dev.dbscim.core.model}) cheaper without changing
 * what it reads; {@code ScimJson.configure} registers it, and a property test compares it with the plain binding.
 *
 * <p>It removes six costs of the plain binding, none of which depends on a model's attributes:
 * <ul>
 *   <li>Setters: Jackson calls each builder method through {@link Method#invoke}, which allocates an argument array per
 *       attribute. Each setter property that skips {@code null}s (all of them under {@code ScimJson}'s settings) calls
 *       the same method through a generated {@link BiFunction} instead.</li>
 *   <li>{@code Optional}: an {@code Optional<T>} attribute is read by wrapping the value in an {@code Optional} that
 *       the builder unwraps again. When the builder has the plain overload ({@code id(String)} next to
 *       {@code id(Optional<String>)}), the value is read with the content type's deserializer and given to that
 *       overload; a value that reads as {@code null} still goes to the {@code Optional} setter as
 *       {@code Optional.empty()}, exactly as before.</li>
 *   <li>Lists: Jackson reads a JSON array of objects into a new {@code ArrayList}, which the builder's setter copies into
 *       its own list. When the builder has an adder for one element ({@code addEmails(Email)} next to
 *       {@code emails(Iterable)}) and the list skips {@code null} elements, the setter is called with an empty list
 *       (so a later spelling of the attribute still replaces an earlier one) and each element read goes to the adder.
 *       A list of strings is read so too, element by element as Jackson's string list reader reads them. Anything but
 *       an array (a single value, {@code null}) takes Jackson's path.</li>
 *   <li>Strings: every string value is a new string. A string attribute (or element of a string list) that Jackson
 *       reads with its own string reader is read by {@link CommonStrings}, which shares the instances of a few values
 *       found in every resource, such as the schema URNs and {@code "work"}.</li>
 *   <li>Builders: created through a generated {@link Supplier} rather than a reflective constructor call.</li>
 *   <li>Names: Jackson lower-cases every attribute name it looks up when matching case-insensitively, a new string for
 *       each camel-case name. {@link SpellingFirstMap} looks the declared spelling up first.</li>
 * </ul>
 * Whatever it cannot generate (say, under a security manager) stays Jackson's own.
 *
 * <p>Not public API; may change without notice.
 */
public final class BuilderSetters extends Module {
  private static final String MODEL_PACKAGE = "dev.dbscim.core.model.";

  /** Creates the module; {@code ScimJson.configure} registers it. */
  public BuilderSetters() {}

  @Override
  public String getModuleName() {
    return "dbscim-builder-setters";
  }

  @Override
  public com.fasterxml.jackson.core.Version version() {
    return com.fasterxml.jackson.core.Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addBeanDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
          BeanDeserializerBuilder builder) {
        if (!description.getBeanClass().getName().startsWith(MODEL_PACKAGE)) {
          return builder;
        }
        List<SettableBeanProperty> replaced = new ArrayList<>();
        for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
          SettableBeanProperty property = it.next();
          if (property instanceof MethodProperty) {
            SettableBeanProperty fast = FastSetter.of((MethodProperty) property, description.getBeanClass());
            if (fast != null) {
              replaced.add(fast);
            }
          }
        }
        for (SettableBeanProperty property : replaced) {
          builder.addOrReplaceProperty(property, true);
        }
        ValueInstantiator instantiator = builder.getValueInstantiator();
        if (instantiator instanceof StdValueInstantiator && instantiator.canCreateUsingDefault()) {
          Supplier<Object> constructor = constructor(description.getBeanClass());
          if (constructor != null) {
            builder.setValueInstantiator(new Constructing((StdValueInstantiator) instantiator, constructor));
          }
        }
        return builder;
      }

      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        if (!description.getBeanClass().getName().startsWith(MODEL_PACKAGE)
            || !(deserializer instanceof BeanDeserializerBase)
            || !config.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)) {
          return deserializer;
        }
        for (BeanPropertyDefinition definition : description.findProperties()) {
          if (!definition.findAliases().isEmpty()) {
            return deserializer;
          }
        }
        List<SettableBeanProperty> properties = new ArrayList<>();
        for (Iterator<SettableBeanProperty> it = ((BeanDeserializerBase) deserializer).properties(); it.hasNext(); ) {
          properties.add(it.next());
        }
        return ((BeanDeserializerBase) deserializer).withBeanProperties(new SpellingFirstMap(properties));
      }
    });
  }

  /**
   * Creates builders through a generated {@link Supplier} instead of a reflective constructor call.
   */
  static final class Constructing extends StdValueInstantiator {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<Object> constructor;

    Constructing(StdValueInstantiator src, Supplier<Object> constructor) {
      super(src);
      this.constructor = constructor;
    }

    @Override
    public Object createUsingDefault(DeserializationContext ctxt) {
      return constructor.get();
    }
  }

  /** Returns a generated no-argument constructor call for a builder class, or null to keep Jackson's. */
  @SuppressWarnings("unchecked")
  static Supplier<Object> constructor(Class<?> type) {
    return generated(() -> {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      MethodHandle target = lookup.findConstructor(type, MethodType.methodType(void.class));
      return (Supplier<Object>) lambda(lookup, Supplier.class, "get", MethodType.methodType(Object.class), target);
    });
  }

  /** Code that generates a class and may fail in the ways {@link #generated} forgives. */
  interface Generation<T> {
    T run() throws Throwable;
  }

  /** Returns what the generation returns, or null when the JVM refuses it (access, linkage), so Jackson's path stays. */
  static <T> T generated(Generation<T> generation) {
    try {
      return generation.run();
    } catch (LinkageError e) {
      return null;
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      return null;
    }
  }

  /** Returns an instance of a one-method interface whose method, of the given erased type, calls the target. */
  static Object lambda(MethodHandles.Lookup lookup, Class<?> type, String method, MethodType erased,
      MethodHandle target) throws Throwable {
    return LambdaMetafactory.metafactory(lookup, method, MethodType.methodType(type), erased, target,
        target.type().wrap()).getTarget().invoke();
  }

  /**
   * The case-insensitive property map of a model builder, looked up in the spelling the model declares first: Jackson
   * lower-cases every name it looks up (a new string for {@code userName}, a scan of the name for the others) and then
   * hashes it, while the usual spelling is the declared one, which this map knows with the property Jackson finds for
   * it. Other spellings take Jackson's path. Names are lower-cased in {@link Locale#ROOT}, so the match does not
   * depend on the default locale (in Turkish, {@code "ID"} lower-cases to a dotless {@code "ıd"}).
   */
  static final class SpellingFirstMap extends BeanPropertyMap {
    private static final long serialVersionUID = 1L;
    /** What {@link BeanPropertyMap#find(String)} returns for each declared spelling; kept up to date on replace. */
    private transient volatile Map<String, SettableBeanProperty> declared;

    SpellingFirstMap(Collection<SettableBeanProperty> properties) {
      super(true, properties, Collections.<String, List<PropertyName>>emptyMap(), Locale.ROOT);
      declared = declared();
    }

    private Map<String, SettableBeanProperty> declared() {
      Map<String, SettableBeanProperty> byName = new HashMap<>();
      for (SettableBeanProperty property : getPropertiesInInsertionOrder()) {
        SettableBeanProperty found = super.find(property.getName());
        if (found != null) {
          byName.put(property.getName(), found);
        }
      }
      return byName;
    }

    @Override
    public SettableBeanProperty find(String key) {
      SettableBeanProperty found = key == null ? null : declared.get(key);
      return found != null ? found : super.find(key);
    }

    @Override
    public void replace(SettableBeanProperty original, SettableBeanProperty replacement) {
      super.replace(original, replacement);
      declared = declared();
    }

    @Override
    public void remove(SettableBeanProperty property) {
      super.remove(property);
      declared = declared();
    }
  }

  /** A builder setter called through generated code; the plain overload for a non-null {@code Optional} value. */
  static final class FastSetter extends SettableBeanProperty.Delegating {
    private static final long serialVersionUID = 1L;
    /** Marks a list property whose elements take Jackson's path; compared by identity, never asked to read. */
    private static final JsonDeserializer<Object> NO_ELEMENTS = new JsonDeserializer<Object>() {
      @Override
      public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        throw new IllegalStateException("NO_ELEMENTS only marks a list read by Jackson's own deserializer");
      }
    };
    private final transient BiFunction<Object, Object, Object> setter;
    /** The plain overload of an {@code Optional} setter, or null. */
    private final transient BiFunction<Object, Object, Object> plain;
    /** The referenced type of an {@code Optional} setter, or null. */
    private final transient JavaType contentType;
    /** Reads {@link #contentType}; found on first use, because it needs a context. */
    private transient volatile JsonDeserializer<Object> content;
    /** The builder's adder of one element of a list that skips null elements, or null. */
    private final transient BiFunction<Object, Object, Object> adder;
    /**
     * Reads one element for {@link #adder}: the content deserializer of Jackson's own list deserializer, found on first
     * use; {@link #NO_ELEMENTS} when that is neither a plain {@link CollectionDeserializer} of untyped elements nor
     * Jackson's own {@link StringCollectionDeserializer}.
     */
    private transient volatile JsonDeserializer<Object> elements;
    /** Reads the value of a property that is not an {@code Optional}; found on first use. */
    private transient volatile JsonDeserializer<Object> value;
    /** Whether the delegate skips nulls and reads no polymorphic type, the only shape this class reproduces. */
    private final boolean reproducible;

    private FastSetter(SettableBeanProperty delegate, BiFunction<Object, Object, Object> setter,
        BiFunction<Object, Object, Object> plain, JavaType contentType, BiFunction<Object, Object, Object> adder) {
      super(delegate);
      this.setter = setter;
      this.plain = plain;
      this.contentType = contentType;
      this.adder = adder;
      this.reproducible = NullsConstantProvider.isSkipper(delegate.getNullValueProvider())
          && delegate.getValueTypeDeserializer() == null;
    }

    /** Returns the faster property, or null to keep Jackson's. */
    static FastSetter of(MethodProperty property, Class<?> builderClass) {
      Method method = (Method) property.getMember().getMember();
      if (method.getParameterCount() != 1 || property.getValueTypeDeserializer() != null) {
        return null;
      }
      return generated(() -> {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(builderClass, MethodHandles.lookup());
        BiFunction<Object, Object, Object> setter = function(lookup, lookup.unreflect(method));
        BiFunction<Object, Object, Object> plain = null;
        JavaType contentType = null;
        JavaType type = property.getType();
        if (type.getRawClass() == Optional.class) {
          JavaType referenced = type.getReferencedType();
          Method overload = overload(method, referenced.getRawClass());
          if (overload != null) {
            plain = function(lookup, lookup.unreflect(overload));
            contentType = referenced;
          }
        }
        BiFunction<Object, Object, Object> adder = null;
        // The setter of a list takes an Iterable, which Jackson reads with its CollectionDeserializer.
        if (Iterable.class.isAssignableFrom(type.getRawClass()) && type.containedTypeCount() == 1
            && property.getMetadata().getContentNulls() == Nulls.SKIP) {
          Method add = adder(method, type.containedType(0).getRawClass());
          if (add != null) {
            adder = function(lookup, lookup.unreflect(add));
          }
        }
        return new FastSetter(property, setter, plain, contentType, adder);
      });
    }

    /** Returns the builder's {@code addName(Element)} next to the list setter {@code name(Iterable)}, or null. */
    private static Method adder(Method setter, Class<?> element) {
      String name = "add" + Character.toUpperCase(setter.getName().charAt(0)) + setter.getName().substring(1);
      for (Method candidate : setter.getDeclaringClass().getMethods()) {
        if (candidate.getName().equals(name) && candidate.getParameterCount() == 1 && !candidate.isVarArgs()
            && candidate.getParameterTypes()[0].isAssignableFrom(element)
            && candidate.getReturnType() == setter.getReturnType()) {
          return candidate;
        }
      }
      return null;
    }

    private static Method overload(Method method, Class<?> content) {
      for (Class<?> parameter : new Class<?>[] {content, primitive(content)}) {
        if (parameter == null) {
          continue;
        }
        try {
          Method overload = method.getDeclaringClass().getMethod(method.getName(), parameter);
          if (overload.getReturnType() == method.getReturnType()) {
            return overload;
          }
        } catch (NoSuchMethodException e) {
          // try the next shape
        }
      }
      return null;
    }

    private static Class<?> primitive(Class<?> boxed) {
      if (boxed == Boolean.class) {
        return boolean.class;
      } else if (boxed == Integer.class) {
        return int.class;
      } else if (boxed == Long.class) {
        return long.class;
      }
      return null;
    }

    @SuppressWarnings("unchecked")
    private static BiFunction<Object, Object, Object> function(MethodHandles.Lookup lookup, MethodHandle target)
        throws Throwable {
      return (BiFunction<Object, Object, Object>) lambda(lookup, BiFunction.class, "apply",
          MethodType.methodType(Object.class, Object.class, Object.class), target);
    }

    @Override
    protected SettableBeanProperty withDelegate(SettableBeanProperty d) {
      return d instanceof MethodProperty ? new FastSetter(d, setter, plain, contentType, adder) : d;
    }

    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
      deserializeSetAndReturn(p, ctxt, instance);
    }

    @Override
    public Object deserializeSetAndReturn(JsonParser p, DeserializationContext ctxt, Object instance)
        throws IOException {
      if (!reproducible) {
        return delegate.deserializeSetAndReturn(p, ctxt, instance);
      }
      if (p.hasToken(JsonToken.VALUE_NULL)) {
        return instance;
      }
      if (adder != null && p.hasToken(JsonToken.START_ARRAY)) {
        JsonDeserializer<Object> element = elements(ctxt);
        if (element != NO_ELEMENTS) {
          return addElements(p, ctxt, call(setter, p, instance, Collections.emptyList()), element);
        }
      }
      Object value;
      BiFunction<Object, Object, Object> target;
      if (plain != null) {
        value = content(ctxt).deserialize(p, ctxt);
        if (value == null) {
          value = Optional.empty();
          target = setter;
        } else {
          target = plain;
        }
      } else {
        value = value().deserialize(p, ctxt);
        if (value == null) {
          return instance;
        }
        target = setter;
      }
      return call(target, p, instance, value);
    }

    /**
     * Reads the array's elements into the builder as Jackson's {@link CollectionDeserializer} reads them into its list
     * ({@code null} elements, read or written, skipped; a failure wrapped with the element's index), or for strings as
     * its {@link StringCollectionDeserializer} does (JSON {@code null}s skipped, a {@code null} read kept, so the
     * builder refuses it; a failure always wrapped).
     */
    private Object addElements(JsonParser p, DeserializationContext ctxt, Object instance,
        JsonDeserializer<Object> element) throws IOException {
      Object builder = instance;
      int index = 0;
      JsonToken token;
      while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
        if (token == JsonToken.VALUE_NULL) {
          continue;
        }
        boolean strings = (Object) element instanceof CommonStrings;
        Object value;
        try {
          value = element.deserialize(p, ctxt);
        } catch (Exception e) {
          if (!strings && !ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS)) {
            ClassUtil.throwIfRTE(e);
          }
          throw JsonMappingException.wrapWithPath(e, new ArrayList<Object>(0), index);
        }
        if (value != null || strings) {
          builder = call(adder, p, builder, value);
          index++;
        }
      }
      return builder;
    }

    /** The element reader of this list property, or {@link #NO_ELEMENTS}. */
    private JsonDeserializer<Object> elements(DeserializationContext ctxt) throws IOException {
      JsonDeserializer<Object> found = elements;
      if (found == null) {
        found = NO_ELEMENTS;
        Object list = delegate.getValueDeserializer();
        if (list != null && list.getClass() == CollectionDeserializer.class) {
          JsonDeserializer<Object> content = ((CollectionDeserializer) list).getContentDeserializer();
          JavaType elementType = ((CollectionDeserializer) list).getContentType();
          if (content != null && content.getObjectIdReader() == null
              && ctxt.getFactory().findTypeDeserializer(ctxt.getConfig(), elementType) == null) {
            found = content;
          }
        } else if (list != null && list.getClass() == StringCollectionDeserializer.class
            && ((StringCollectionDeserializer) list).getContentDeserializer() == null) {
          found = common(CommonStrings.elements());
        }
        elements = found;
      }
      return found;
    }

    /** Jackson's reader of this property's value, or {@link CommonStrings} in place of its string reader. */
    private JsonDeserializer<Object> value() {
      JsonDeserializer<Object> found = value;
      if (found == null) {
        found = delegate.getValueDeserializer();
        if (found.getClass() == StringDeserializer.class) {
          found = common(CommonStrings.over(found));
        }
        value = found;
      }
      return found;
    }

    @SuppressWarnings("unchecked")
    private static JsonDeserializer<Object> common(CommonStrings strings) {
      return (JsonDeserializer<Object>) (JsonDeserializer<?>) strings;
    }

    private JsonDeserializer<Object> content(DeserializationContext ctxt) throws IOException {
      JsonDeserializer<Object> found = content;
      if (found == null) {
        found = ctxt.findContextualValueDeserializer(contentType, this);
        if (found.getClass() == StringDeserializer.class) {
          found = common(CommonStrings.over(found));
        }
        content = found;
      }
      return found;
    }

    private Object call(BiFunction<Object, Object, Object> target, JsonParser p, Object instance, Object value)
        throws IOException {
      try {
        Object result = target.apply(instance, value);
        return result == null ? instance : result;
      } catch (Exception e) {
        // As Method.invoke reports it, so errors read as they did.
        _throwAsIOE(p, new InvocationTargetException(e), value);
        return null;
      }
    }

    @Override
    public void set(Object instance, Object value) throws IOException {
      setAndReturn(instance, value);
    }

    @Override
    public Object setAndReturn(Object instance, Object value) throws IOException {
      return delegate.setAndReturn(instance, value);
    }
  }
}
