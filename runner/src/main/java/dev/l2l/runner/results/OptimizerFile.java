package dev.l2l.runner.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.runner.UserError;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained optimizer on disk, as JSON: the format name and version, the optimizer's configuration
 * (with its {@code type}), the precision it was trained in, and φ.
 */
public final class OptimizerFile {

    /** The {@code format} field of every optimizer file. */
    public static final String FORMAT = "l2l-optimizer";
    /** The newest format version this build reads and writes. */
    public static final int VERSION = 1;

    private final ObjectMapper json;

    public OptimizerFile(ObjectMapper json) {
        this.json = json;
    }

    /** A loaded optimizer and the configuration it was built from. */
    public record Loaded(OptimizerSpec spec, LearnedOptimizer optimizer) {
    }

    /** Writes {@code optimizer}, built from {@code spec}, to {@code file}. */
    public void save(Path file, OptimizerSpec spec, LearnedOptimizer optimizer) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("precision", optimizer.dataType() == DataType.DOUBLE ? "double" : "float");
        root.set("spec", json.readTree(json.writerFor(OptimizerSpec.class).writeValueAsString(spec)));
        double[] values = optimizer.parameters().toDoubleVector();
        root.put("parameterCount", values.length);
        ArrayNode parameters = root.putArray("parameters");
        for (double v : values) {
            parameters.add(v);
        }
        AtomicFiles.write(file, json.writeValueAsString(root));
    }

    /** Reads an optimizer file; any problem is a {@link UserError} naming the file and the field. */
    public Loaded load(Path file) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read an optimizer file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new UserError(file + ": not an l2l optimizer file (expected \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new UserError(file + ": version: format version " + root.path("version")
                    + " is not supported (this build reads versions 1 to " + VERSION + ")");
        }
        DataType type = switch (root.path("precision").asText()) {
            case "float" -> DataType.FLOAT;
            case "double" -> DataType.DOUBLE;
            default -> throw new UserError(file + ": precision: expected 'float' or 'double'");
        };
        OptimizerSpec spec;
        try {
            spec = json.treeToValue(root.path("spec"), OptimizerSpec.class);
            spec.validate();
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": spec: " + e.getMessage().lines().findFirst().orElse("invalid"), e);
        }
        JsonNode parameters = root.path("parameters");
        LearnedOptimizer optimizer = spec.create(type, 0);
        INDArray phi = optimizer.parameters();
        if (!parameters.isArray() || parameters.size() != phi.length()) {
            throw new UserError(file + ": parameters: expected " + phi.length() + " numbers for this optimizer, found "
                    + (parameters.isArray() ? parameters.size() : "none"));
        }
        double[] values = new double[parameters.size()];
        for (int k = 0; k < values.length; k++) {
            JsonNode value = parameters.get(k);
            if (!value.isNumber()) {
                throw new UserError(file + ": parameters[" + k + "]: expected a number");
            }
            values[k] = value.doubleValue();
        }
        phi.assign(Nd4j.create(values, new long[] {values.length}, type));
        return new Loaded(spec, optimizer);
    }
}
