package dev.l2l.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        String text = read(file);
        if (text.isBlank()) {
            throw new UserError(file + ": the experiment file is empty (expected a mapping with task:, optimizer:, …)");
        }
        YamlLineIndex lines = new YamlLineIndex(text);
        ExperimentConfig config;
        try {
            config = mapper.readValue(text, ExperimentConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(file, e);
        }
        if (config == null) {
            throw new UserError(file + ": the experiment file is empty (expected a mapping with task:, optimizer:, …)");
        }
        try {
            config.validate();
        } catch (ConfigException e) {
            throw new UserError(at(file, lines.lineOf(e.field())) + e.field() + ": " + e.problem(), e);
        }
        return config;
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

    private UserError translate(Path file, JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
                return new UserError(file + ":" + (yaml.getProblemMark().getLine() + 1) + ": malformed YAML: "
                        + context + yaml.getProblem(), e);
            }
        }
        OptionalInt line = lineOf(e.getLocation());
        String where = at(file, line);
        if (!(e instanceof JsonMappingException mapping)) {
            return new UserError(where + "malformed YAML: " + firstLine(e.getOriginalMessage()), e);
        }
        String field = path(mapping.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String section = parentOf(field);
            return new UserError(where + "unknown key '" + unknown.getPropertyName() + "'"
                    + (section.isEmpty() ? "" : " in " + section) + " (known: " + String.join(", ", known) + ")"
                    + Names.suggestion(unknown.getPropertyName(), known), e);
        }
        if (e instanceof InvalidTypeIdException badType) {
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
            return new UserError(where + (field.isEmpty() ? "" : field + ": ") + "expected "
                    + describe(mismatch.getTargetType()) + " (" + firstLine(e.getOriginalMessage()) + ")", e);
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
        Map<Class<?>, String> names = Map.of(int.class, "an integer", Integer.class, "an integer", long.class,
                "an integer", double.class, "a number", Double.class, "a number", boolean.class, "true or false",
                String.class, "a string", List.class, "a list");
        return names.getOrDefault(type, "a mapping (" + type.getSimpleName() + ")");
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
