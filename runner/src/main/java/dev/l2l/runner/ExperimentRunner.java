package dev.l2l.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Task;
import dev.l2l.core.eval.CurveSummary;
import dev.l2l.core.eval.Evaluator;
import dev.l2l.core.eval.LearnedContender;
import dev.l2l.core.eval.BaselineContender;
import dev.l2l.core.eval.LearningRateTuner;
import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.core.plugin.Registration;
import dev.l2l.core.train.MetaTrainer;
import dev.l2l.core.train.Seeds;
import dev.l2l.core.train.TrainingResult;
import dev.l2l.runner.config.ExperimentConfig;
import dev.l2l.runner.results.AtomicFiles;
import dev.l2l.runner.results.ContenderResult;
import dev.l2l.runner.results.ExperimentResults;
import dev.l2l.runner.results.OptimizerFile;
import dev.l2l.runner.results.ResultsWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main job: meta-train the configured learned optimizer, tune every baseline's learning rate on
 * tuning instances, evaluate all of them on held-out instances, and write the run directory.
 */
public final class ExperimentRunner {

    private final PluginRegistry registry;
    private final ObjectMapper yaml;
    private final ObjectMapper json;
    private final PrintStream out;

    @Inject
    ExperimentRunner(PluginRegistry registry, @Named("yaml") ObjectMapper yaml, @Named("json") ObjectMapper json,
                     PrintStream out) {
        this.registry = registry;
        this.yaml = yaml;
        this.json = json;
        this.out = out;
    }

    /** Runs {@code config} and writes its results into {@code directory}. */
    public ExperimentResults run(ExperimentConfig config, Path directory) throws IOException {
        List<BaselineSpec> baselines = resolveBaselines(config);
        AtomicFiles.write(directory.resolve("config.yaml"), yaml.writeValueAsString(config));
        DataType dataType = config.training.dataType();
        Task task = config.task.create();
        LearnedOptimizer optimizer = config.optimizer.create(dataType, config.seed);
        String optimizerName = name(ComponentKind.OPTIMIZER, config.optimizer);

        out.printf(Locale.ROOT, "meta-training %s on %s: %d meta-batches of %d instances, horizon %d, unroll %d, %s%n",
                optimizerName, name(ComponentKind.TASK, config.task), config.training.metaBatches,
                config.training.metaBatchSize, config.training.horizon, config.training.unroll,
                config.training.secondOrder ? "second-order" : "first-order");
        TrainingResult training = new MetaTrainer(task, optimizer, config.training, config.seed)
                .train(new ProgressPrinter(out, config.training.logEvery));
        out.printf(Locale.ROOT, "meta-training: %.1f s, %,.0f optimizee steps/s, %.2f ms per meta-update%n",
                training.seconds(), training.throughput(), 1000 * training.secondsPerMetaUpdate());
        new OptimizerFile(json).save(directory.resolve("optimizer.json"), config.optimizer, optimizer);

        int horizon = config.evaluationHorizon();
        Evaluator evaluator = new Evaluator(task, dataType, config.evaluation.batchSize);
        long[] evaluationSeeds = seeds(config.evaluation.instances, Seeds::evaluation);
        long[] tuningSeeds = seeds(config.evaluation.tuningInstances, Seeds::tuning);
        List<ContenderResult> results = new ArrayList<>();
        results.add(ContenderResult.of(optimizerName, "learned", null,
                CurveSummary.of(evaluator.losses(new LearnedContender(optimizer), evaluationSeeds, horizon))));
        LearningRateTuner tuner = new LearningRateTuner(evaluator, tuningSeeds, horizon);
        for (BaselineSpec baseline : baselines) {
            double rate = tuner.tune(baseline, config.evaluation.learningRates).learningRate();
            CurveSummary summary = CurveSummary.of(
                    evaluator.losses(new BaselineContender(() -> baseline.updater(rate)), evaluationSeeds, horizon));
            results.add(ContenderResult.of(name(ComponentKind.BASELINE, baseline), "baseline", rate, summary));
        }
        ExperimentResults experiment = new ExperimentResults(config.name, name(ComponentKind.TASK, config.task),
                optimizerName, config.seed, evaluationSeeds.length, horizon, results, training.metaLosses(),
                training.skippedUpdates());
        new ResultsWriter().write(directory, experiment, training);
        printTable(experiment);
        out.println("results written to " + directory);
        return experiment;
    }

    private List<BaselineSpec> resolveBaselines(ExperimentConfig config) {
        if (config.baselines == null) {
            List<BaselineSpec> all = new ArrayList<>();
            for (Registration registration : registry.registrations(ComponentKind.BASELINE)) {
                all.add((BaselineSpec) instantiate(registration));
            }
            config.baselines = all;
        }
        return config.baselines;
    }

    private static Object instantiate(Registration registration) {
        try {
            return registration.specClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new UserError("cannot create the default " + registration.kind().label() + " '" + registration.name()
                    + "' (" + registration.specClass().getName() + " needs a public no-argument constructor): " + cause, e);
        }
    }

    private String name(ComponentKind kind, Object spec) {
        return registry.nameOf(kind, spec.getClass()).orElse(spec.getClass().getSimpleName());
    }

    private static long[] seeds(int count, java.util.function.LongUnaryOperator seed) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = seed.applyAsLong(i);
        }
        return seeds;
    }

    private void printTable(ExperimentResults results) {
        out.printf(Locale.ROOT, "%nloss at step %d on %d held-out instances%n", results.horizon(), results.evaluationInstances());
        out.printf(Locale.ROOT, "%-12s %-9s %10s %12s %12s  %s%n", "optimizer", "kind", "lr", "mean", "median", "95% CI of the mean");
        for (ContenderResult r : results.optimizers()) {
            out.printf(Locale.ROOT, "%-12s %-9s %10s %12.4g %12.4g  [%.4g, %.4g]%n", r.name(), r.kind(),
                    r.learningRate() == null ? "-" : String.format(Locale.ROOT, "%.3g", r.learningRate()),
                    r.finalLossMean(), r.finalLossMedian(), r.finalLossCi95()[0], r.finalLossCi95()[1]);
        }
    }
}
