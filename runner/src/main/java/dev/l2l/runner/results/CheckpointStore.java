package dev.l2l.runner.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2l.core.train.SelectedPhi;
import dev.l2l.core.train.TrainingProgress;
import dev.l2l.runner.UserError;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code checkpoint.zip} in a run directory: the position, counters and meta-loss curve
 * ({@code checkpoint.json}), φ ({@code phi.npy}), Adam's moments ({@code meta-optimizer.npy}) and,
 * when φ is selected by validation, the best φ scored so far ({@code selected-phi.npy}, with its
 * position and score in {@code checkpoint.json}) and, with {@code averageDecay}, the running average
 * φ̄ ({@code average-phi.npy}).
 * Written to a temporary file and renamed over the previous one, so a crash at any moment leaves
 * the previous complete checkpoint or the new one, never half of either.
 */
public final class CheckpointStore {

    public static final String FILE = "checkpoint.zip";
    private static final String FORMAT = "l2l-checkpoint";
    private static final int VERSION = 1;
    private static final String SELECTED = "selected-phi.npy";
    private static final String AVERAGE = "average-phi.npy";

    private final ObjectMapper json;

    public CheckpointStore(ObjectMapper json) {
        this.json = json;
    }

    public void save(Path directory, TrainingProgress progress) throws IOException {
        ObjectNode meta = json.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("version", VERSION);
        meta.put("completedBatches", progress.completedBatches());
        meta.put("optimizeeSteps", progress.optimizeeSteps());
        meta.put("metaUpdates", progress.metaUpdates());
        meta.put("skippedUpdates", progress.skippedUpdates());
        meta.put("resetInstances", progress.resetInstances());
        meta.put("metaOptimizerIteration", progress.metaOptimizerIteration());
        meta.put("seconds", progress.seconds());
        meta.put("validationSeconds", progress.validationSeconds());
        if (progress.selected() != null) {
            meta.put("selectedBatches", progress.selected().completedBatches());
            double score = progress.selected().score();
            if (Double.isFinite(score)) {
                meta.put("selectedScore", score);
            } else {
                meta.putNull("selectedScore"); // every scored φ diverged: +∞
            }
        }
        ArrayNode losses = meta.putArray("metaLosses");
        progress.metaLosses().forEach(losses::add);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("checkpoint.json", json.writeValueAsBytes(meta));
        entries.put("phi.npy", Npy.write(progress.phi()));
        if (progress.metaOptimizerState() != null) {
            entries.put("meta-optimizer.npy", Npy.write(progress.metaOptimizerState()));
        }
        if (progress.selected() != null) {
            entries.put(SELECTED, Npy.write(progress.selected().phi()));
        }
        if (progress.averagePhi() != null) {
            entries.put(AVERAGE, Npy.write(progress.averagePhi()));
        }
        ZipArchive.write(directory.resolve(FILE), entries);
    }

    /** Whether {@code directory} holds a checkpoint. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE));
    }

    /** Reads the checkpoint of {@code directory}; a damaged or foreign one is a {@link UserError}. */
    public TrainingProgress load(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Map<String, byte[]> entries = ZipArchive.read(file);
            byte[] metaBytes = entries.get("checkpoint.json");
            if (metaBytes == null || entries.get("phi.npy") == null) {
                throw new UserError(file + ": not an l2l checkpoint (checkpoint.json or phi.npy missing)");
            }
            JsonNode meta = json.readTree(new String(metaBytes, StandardCharsets.UTF_8));
            if (!FORMAT.equals(meta.path("format").asText())) {
                throw new UserError(file + ": not an l2l checkpoint (expected \"format\": \"" + FORMAT + "\")");
            }
            if (meta.path("version").asInt(-1) != VERSION) {
                throw new UserError(file + ": checkpoint version " + meta.path("version") + " is not supported (expected "
                        + VERSION + ")");
            }
            List<Double> losses = new ArrayList<>();
            meta.path("metaLosses").forEach(v -> losses.add(v.doubleValue()));
            INDArray phi = Npy.read(entries.get("phi.npy"), "phi.npy");
            byte[] state = entries.get("meta-optimizer.npy");
            SelectedPhi selected = null;
            if (entries.get(SELECTED) != null) {
                selected = new SelectedPhi(required(file, meta, "selectedBatches").asInt(),
                        meta.path("selectedScore").isNull() ? Double.POSITIVE_INFINITY
                                : required(file, meta, "selectedScore").asDouble(), Npy.read(entries.get(SELECTED), SELECTED));
            }
            return new TrainingProgress(required(file, meta, "completedBatches").asInt(),
                    required(file, meta, "optimizeeSteps").asLong(), required(file, meta, "metaUpdates").asInt(),
                    required(file, meta, "skippedUpdates").asInt(), required(file, meta, "resetInstances").asInt(),
                    losses, phi,
                    state == null ? null : Npy.read(state, "meta-optimizer.npy"),
                    required(file, meta, "metaOptimizerIteration").asInt(), meta.path("seconds").asDouble(),
                    meta.path("validationSeconds").asDouble(), selected,
                    entries.get(AVERAGE) == null ? null : Npy.read(entries.get(AVERAGE), AVERAGE));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no checkpoint to resume from", e);
        } catch (IOException e) {
            throw new UserError(file + ": damaged checkpoint: " + OptimizerFile.firstLine(e.getMessage()), e);
        }
    }

    private static JsonNode required(Path file, JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        if (value == null || !value.isNumber()) {
            throw new UserError(file + ": checkpoint.json: " + field + ": expected a number");
        }
        return value;
    }
}
