package dev.l2l.runner.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.l2l.core.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's results into its directory: {@code results.json}, {@code curves.csv}, the PNG
 * charts, {@code report.md} and, after meta-training, {@code timing.json}.
 */
public final class ResultsWriter {

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @param training the meta-training that produced the optimizer, or {@code null} for an evaluation alone */
    public void write(Path directory, ExperimentResults results, TrainingResult training) throws IOException {
        AtomicFiles.write(directory.resolve("results.json"), json.writeValueAsString(results) + "\n");
        AtomicFiles.write(directory.resolve("curves.csv"), curves(results.optimizers()));
        String title = results.name() + ": mean loss on " + results.evaluationInstances() + " held-out instances";
        Charts.lossCurves(directory.resolve(Charts.LOSS_CURVES), results.optimizers(), title);
        String timing = "";
        if (training != null) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("metaTrainingSeconds", training.seconds());
            figures.put("optimizeeSteps", training.optimizeeSteps());
            figures.put("optimizeeStepsPerSecond", training.throughput());
            figures.put("secondsPerMetaUpdate", training.secondsPerMetaUpdate());
            figures.put("skippedMetaUpdates", training.skippedUpdates());
            figures.put("resetInstances", training.resetInstances());
            if (training.selected()) {
                figures.put("validationSeconds", training.validationSeconds());
                figures.put("selectedAfterMetaBatch", training.selectedBatch());
                figures.put("selectedValidationLoss", training.selectedScore());
            }
            AtomicFiles.write(directory.resolve("timing.json"), json.writeValueAsString(figures) + "\n");
            Charts.metaTraining(directory.resolve(Charts.META_TRAINING), results.metaLosses(), results.name() + ": meta-training");
            timing = String.format(Locale.ROOT, "%d meta-updates (%d skipped, %d diverged instances replaced) in %.1f s: "
                            + "%,.0f optimizee steps/s, %.1f ms per meta-update.", training.metaUpdates(),
                    training.skippedUpdates(), training.resetInstances(),
                    training.seconds(), training.throughput(), 1000 * training.secondsPerMetaUpdate());
            if (training.selected()) {
                timing += String.format(Locale.ROOT, " φ selected after meta-batch %d (validation loss %.4g; "
                        + "scoring took %.1f s).", training.selectedBatch(), training.selectedScore(),
                        training.validationSeconds());
            }
        }
        AtomicFiles.write(directory.resolve("report.md"), Report.markdown(results, timing));
    }

    /** One row per step, one column per optimizer: the mean loss over the evaluation instances. */
    static String curves(List<ContenderResult> optimizers) {
        StringBuilder csv = new StringBuilder("step");
        for (ContenderResult result : optimizers) {
            csv.append(',').append(result.name());
        }
        csv.append('\n');
        int steps = optimizers.get(0).meanCurve().length;
        for (int t = 0; t < steps; t++) {
            csv.append(t);
            for (ContenderResult result : optimizers) {
                csv.append(',').append(String.format(Locale.ROOT, "%.8g", result.meanCurve()[t]));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
