package dev.l2l.runner.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.runner.UserError;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained optimizer on disk: an {@code .npz} archive (numpy reads it: {@code np.load(f)["phi"]})
 * holding {@code phi.npy} and {@code optimizer.json}, which says what it is: the format and its
 * version, the optimizer's {@code type} and configuration, the precision, the number of parameters
 * and the whole experiment configuration it was trained with.
 */
public final class OptimizerFile {

    /** The {@code format} field of every optimizer file. */
    public static final String FORMAT = "l2l-optimizer";
    /** The newest format version this build reads and writes. */
    public static final int VERSION = 1;
    static final String METADATA = "optimizer.json";
    static final String PARAMETERS = "phi.npy";

    private final ObjectMapper json;

    public OptimizerFile(ObjectMapper json) {
        this.json = json;
    }

    /** A loaded optimizer, its configuration and the file's metadata. */
    public record Loaded(OptimizerSpec spec, LearnedOptimizer optimizer, JsonNode metadata) {
    }

    /** Writes {@code optimizer}, built from {@code spec} in the experiment {@code experiment}, to {@code file}. */
    public void save(Path file, OptimizerSpec spec, LearnedOptimizer optimizer, JsonNode experiment) throws IOException {
        ObjectNode metadata = json.createObjectNode();
        metadata.put("format", FORMAT);
        metadata.put("version", VERSION);
        JsonNode specNode = json.readTree(json.writerFor(OptimizerSpec.class).writeValueAsString(spec));
        metadata.put("type", specNode.path("type").asText());
        metadata.set("spec", specNode);
        metadata.put("precision", optimizer.dataType() == DataType.DOUBLE ? "double" : "float");
        metadata.put("parameterCount", optimizer.parameters().length());
        metadata.set("experiment", experiment);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(METADATA, json.writeValueAsBytes(metadata));
        entries.put(PARAMETERS, Npy.write(optimizer.parameters()));
        ZipArchive.write(file, entries);
    }

    /** Reads an optimizer file; any problem is a {@link UserError} naming the file and what is wrong. */
    public Loaded load(Path file) {
        Map<String, byte[]> entries;
        try {
            entries = ZipArchive.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserError(file + ": not a readable optimizer file: " + e.getMessage(), e);
        }
        JsonNode metadata = metadata(file, entries);
        DataType type = switch (metadata.path("precision").asText()) {
            case "float" -> DataType.FLOAT;
            case "double" -> DataType.DOUBLE;
            default -> throw new UserError(file + ": " + METADATA + ": precision: expected 'float' or 'double'");
        };
        OptimizerSpec spec;
        try {
            spec = json.treeToValue(metadata.path("spec"), OptimizerSpec.class);
            spec.validate();
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": " + METADATA + ": spec: " + firstLine(e.getMessage()), e);
        }
        LearnedOptimizer optimizer = spec.create(type, 0);
        INDArray phi;
        try {
            byte[] bytes = entries.get(PARAMETERS);
            if (bytes == null) {
                throw new IOException("no " + PARAMETERS + " entry");
            }
            phi = Npy.read(bytes, PARAMETERS);
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
        if (phi.length() != optimizer.parameters().length()) {
            throw new UserError(file + ": " + PARAMETERS + ": holds " + phi.length() + " parameters, but a "
                    + metadata.path("type").asText() + " with this configuration has " + optimizer.parameters().length());
        }
        optimizer.parameters().assign(phi.castTo(type));
        return new Loaded(spec, optimizer, metadata);
    }

    /** The metadata of an optimizer file, checked for format and version. */
    public JsonNode metadata(Path file, Map<String, byte[]> entries) {
        byte[] bytes = entries.get(METADATA);
        if (bytes == null) {
            throw new UserError(file + ": not an l2l optimizer file (no " + METADATA + " inside)");
        }
        JsonNode metadata;
        try {
            metadata = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(file + ": " + METADATA + ": damaged (" + firstLine(e.getMessage()) + ")", e);
        }
        if (metadata == null || !FORMAT.equals(metadata.path("format").asText())) {
            throw new UserError(file + ": not an l2l optimizer file (expected \"format\": \"" + FORMAT + "\")");
        }
        int version = metadata.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new UserError(file + ": format version " + metadata.path("version") + " is not supported "
                    + "(this build reads versions 1 to " + VERSION + "; a newer l2l wrote it?)");
        }
        return metadata;
    }

    static String firstLine(String message) {
        return message == null ? "invalid" : message.lines().findFirst().orElse("invalid");
    }
}
