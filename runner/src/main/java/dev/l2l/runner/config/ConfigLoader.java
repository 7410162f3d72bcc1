package dev.l2l.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.UserError;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads an experiment file into an {@link ExperimentConfig} and turns every problem into a
 * one-line {@link UserError} of the form
 * {@code FILE:LINE: FIELD: what is wrong (what was expected)}.
 */
public final class ConfigLoader {

    private final PluginRegistry registry;
    private final ObjectMapper mapper;

    @Inject
    public ConfigLoader(PluginRegistry registry, @Named("yaml") ObjectMapper yamlMapper) {
        this.registry = registry;
        this.mapper = yamlMapper;
    }

    /** Loads, binds and validates {@code file}. */
    public ExperimentConfig load(Path file) {
        return load(file, List.of(), true);
    }

    /**
     * Loads {@code file}, applies the {@code key=value} overrides (dotted paths into the file, the
     * value written as in YAML), binds and validates the result.
     *
     * @param requireOptimizer whether the file must name a learned optimizer (not when evaluating a saved one)
     */
    public ExperimentConfig load(Path file, List<String> overrides, boolean requireOptimizer) {
        String text = read(file);
        if (text.isBlank()) {
            throw new UserError(file + ": the experiment file is empty (expected a mapping with task:, optimizer:, …)");
        }
        Located located = new Located(file, new YamlLineIndex(text), new LinkedHashMap<>());
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw translate(located, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new UserError(file + ": the experiment file is empty (expected a mapping with task:, optimizer:, …)");
        }
        if (!tree.isObject()) {
            throw new UserError(file + ":1: expected a mapping with task:, optimizer:, … at the top level");
        }
        for (String override : overrides) {
            apply((ObjectNode) tree, override, located.overrides());
        }
        ExperimentConfig config;
        try {
            config = mapper.treeToValue(tree, ExperimentConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(located, e);
        }
        try {
            config.validate(requireOptimizer);
        } catch (ConfigException e) {
            throw new UserError(located.at(e.field()) + e.field() + ": " + e.problem(), e);
        }
        return config;
    }

    /** Where a problem is: the file and line of a path, or the {@code --set} that put it there. */
    private record Located(Path file, YamlLineIndex lines, Map<String, String> overrides) {
        String at(String path) {
            for (Map.Entry<String, String> override : overrides.entrySet()) {
                String key = override.getKey();
                if (path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "[")) {
                    return "--set " + key + "=" + override.getValue() + ": ";
                }
            }
            OptionalInt line = lines.lineOf(path);
            return file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": ";
        }
    }

    private void apply(ObjectNode root, String override, Map<String, String> applied) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            throw new UserError("--set " + override + ": expected KEY=VALUE, e.g. training.metaBatches=10");
        }
        String key = override.substring(0, equals).trim();
        String text = override.substring(equals + 1);
        JsonNode value;
        try {
            value = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError("--set " + override + ": the value is not valid YAML", e);
        }
        if (value == null || value.isMissingNode()) {
            throw new UserError("--set " + override + ": expected a value after '='");
        }
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            } else if (!child.isObject()) {
                throw new UserError("--set " + override + ": " + String.join(".", java.util.Arrays.copyOf(parts, i + 1))
                        + " is not a mapping");
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
        applied.put(key, text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private UserError translate(Located located, JsonProcessingException e) {
        Path file = located.file();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
                return new UserError(file + ":" + (yaml.getProblemMark().getLine() + 1) + ": malformed YAML: "
                        + context + yaml.getProblem(), e);
            }
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new UserError(at(file, lineOf(e.getLocation())) + "malformed YAML: " + firstLine(e.getOriginalMessage()), e);
        }
        String field = path(mapping.getPath());
        String where = located.at(field);
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String section = parentOf(field);
            return new UserError(where + "unknown key '" + unknown.getPropertyName() + "'"
                    + (section.isEmpty() ? "" : " in " + section) + " (known: " + String.join(", ", known) + ")"
                    + Names.suggestion(unknown.getPropertyName(), known), e);
        }
        if (e instanceof InvalidTypeIdException badType) {
            where = located.at(field.isEmpty() ? "type" : field + ".type");
            ComponentKind kind = kindOf(badType.getBaseType().getRawClass());
            List<String> known = kind == null ? List.of() : registry.names(kind);
            String label = kind == null ? "component" : kind.label();
            String fieldName = field.isEmpty() ? label : field;
            if (badType.getTypeId() == null) {
                return new UserError(where + fieldName + ": missing 'type' (known " + label + " types: "
                        + String.join(", ", known) + ")", e);
            }
            return new UserError(where + fieldName + ": unknown " + label + " type '" + badType.getTypeId()
                    + "' (known: " + String.join(", ", known) + ")" + Names.suggestion(badType.getTypeId(), known), e);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String got = e instanceof InvalidFormatException format ? ", got '" + format.getValue() + "'" : "";
            return new UserError(where + (field.isEmpty() ? "" : field + ": ") + "expected "
                    + describe(mismatch.getTargetType()) + got, e);
        }
        return new UserError(where + (field.isEmpty() ? "" : field + ": ") + firstLine(e.getOriginalMessage()), e);
    }

    private ComponentKind kindOf(Class<?> type) {
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.specType().equals(type)) {
                return kind;
            }
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    static String path(List<JsonMappingException.Reference> references) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : references) {
            parts.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return YamlLineIndex.join(parts);
    }

    private static String parentOf(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }

    private static OptionalInt lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? OptionalInt.empty() : OptionalInt.of(location.getLineNr());
    }

    private static String at(Path file, OptionalInt line) {
        return file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": ";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        String first = message.lines().map(String::trim).filter(s -> !s.isEmpty()).findFirst().orElse(message);
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
