package dev.l2l.runner.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.core.plugin.Registration;

/**
 * Jackson mappers that bind experiment files strictly: public fields only, unknown keys refused,
 * no silent coercion of strings to numbers or of 2.5 to 2, and every spec interface polymorphic on
 * its {@code type:} property, with the subtypes the discovered plugins registered. Class names
 * never appear in user files.
 */
public final class ConfigMapper {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface Typed {
    }

    private ConfigMapper() {
    }

    /** A mapper for YAML experiment files. */
    public static ObjectMapper yaml(PluginRegistry registry) {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return configure(new ObjectMapper(factory), registry);
    }

    /** A mapper for JSON (results, optimizer files) that knows the same types. */
    public static ObjectMapper json(PluginRegistry registry) {
        return configure(JsonMapper.builder().build(), registry);
    }

    private static ObjectMapper configure(ObjectMapper mapper, PluginRegistry registry) {
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (ComponentKind kind : ComponentKind.values()) {
            mapper.addMixIn(kind.specType(), Typed.class);
            for (Registration registration : registry.registrations(kind)) {
                mapper.registerSubtypes(new NamedType(registration.specClass(), registration.name()));
            }
        }
        return mapper;
    }
}
