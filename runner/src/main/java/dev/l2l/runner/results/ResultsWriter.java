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

/** Writes a run's results into its directory: {@code results.json}, {@code curves.csv}, {@code timing.json}. */
public final class ResultsWriter {

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(Path directory, ExperimentResults results, TrainingResult training) throws IOException {
        AtomicFiles.write(directory.resolve("results.json"), json.writeValueAsString(results) + "\n");
        AtomicFiles.write(directory.resolve("curves.csv"), curves(results.optimizers()));
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("metaTrainingSeconds", training.seconds());
        timing.put("optimizeeSteps", training.optimizeeSteps());
        timing.put("optimizeeStepsPerSecond", training.throughput());
        timing.put("secondsPerMetaUpdate", training.secondsPerMetaUpdate());
        AtomicFiles.write(directory.resolve("timing.json"), json.writeValueAsString(timing) + "\n");
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
