package dev.l2l.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Task;
import dev.l2l.core.eval.BaselineContender;
import dev.l2l.core.eval.CurveSummary;
import dev.l2l.core.eval.PairedDifference;
import dev.l2l.core.eval.Evaluator;
import dev.l2l.core.eval.FinalLossValidation;
import dev.l2l.core.eval.LearnedContender;
import dev.l2l.core.eval.LearningRateTuner;
import dev.l2l.core.groups.GroupedOptimizerSpec;
import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.core.plugin.Registration;
import dev.l2l.core.train.MetaTrainer;
import dev.l2l.core.train.Seeds;
import dev.l2l.core.train.TrainingListener;
import dev.l2l.core.train.TrainingProgress;
import dev.l2l.core.train.TrainingResult;
import dev.l2l.core.train.Validation;
import dev.l2l.runner.config.ExperimentConfig;
import dev.l2l.runner.results.AtomicFiles;
import dev.l2l.runner.results.CheckpointStore;
import dev.l2l.runner.results.ContenderResult;
import dev.l2l.runner.results.ExperimentResults;
import dev.l2l.runner.results.OptimizerFile;
import dev.l2l.runner.results.ResultsWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * The jobs of the CLI: meta-train the configured learned optimizer (with checkpoints, resumable),
 * evaluate a learned optimizer against every baseline with its learning rate tuned on separate
 * instances, and write the run directory.
 */
public final class ExperimentRunner {

    /** The resolved configuration of a run, in its directory. */
    public static final String CONFIG_FILE = "config.yaml";
    /** The trained optimizer, in its run directory. */
    public static final String OPTIMIZER_FILE = "optimizer.npz";

    private final PluginRegistry registry;
    private final ObjectMapper yaml;
    private final ObjectMapper json;
    private final Console console;

    @Inject
    ExperimentRunner(PluginRegistry registry, @Named("yaml") ObjectMapper yaml, @Named("json") ObjectMapper json,
                     Console console) {
        this.registry = registry;
        this.yaml = yaml;
        this.json = json;
        this.console = console;
    }

    /** A trained optimizer and how its training went. */
    public record Trained(LearnedOptimizer optimizer, TrainingResult training) {
    }

    /** Meta-trains and evaluates {@code config}, writing everything into {@code directory}. */
    public ExperimentResults run(ExperimentConfig config, Path directory, boolean resume) throws IOException {
        Trained trained = train(config, directory, resume);
        return evaluate(config, trained.optimizer(), directory, trained.training());
    }

    /**
     * Meta-trains {@code config}'s optimizer, saving a checkpoint every
     * {@code training.checkpointEvery} meta-batches and the trained optimizer at the end.
     *
     * @param resume continue from the checkpoint in {@code directory} (whose {@code config.yaml} is {@code config})
     */
    public Trained train(ExperimentConfig config, Path directory, boolean resume) throws IOException {
        resolveBaselines(config);
        CheckpointStore checkpoints = new CheckpointStore(json);
        TrainingProgress from = resume ? checkpoints.load(directory) : null;
        if (!resume) {
            AtomicFiles.write(directory.resolve(CONFIG_FILE), yaml.writeValueAsString(config));
        }
        Task task = config.task.create();
        LearnedOptimizer optimizer = config.optimizer.create(config.training.dataType(), config.seed);
        var out = console.out();
        out.printf(Locale.ROOT, "%s %s on %s: %d meta-batches of %d instances, horizon %d, unroll %d, %s%n",
                from == null ? "meta-training" : "resuming at meta-batch " + (from.completedBatches() + 1) + ":",
                describe(config.optimizer), name(ComponentKind.TASK, config.task),
                config.training.metaBatches, config.training.metaBatchSize, config.training.horizon,
                config.training.unroll, (config.training.secondOrder ? "second-order" : "first-order")
                        + (config.training.metaLoss.equals("log") ? ", log meta-loss" : ""));
        TrainingListener saver = new TrainingListener() {
            @Override
            public void checkpoint(TrainingProgress progress) {
                try {
                    checkpoints.save(directory, progress);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the checkpoint in " + directory, e);
                }
            }
        };
        TrainingListener progress = console.training(config.training.metaBatches,
                from == null ? 0 : from.completedBatches(), config.training.logEvery);
        TrainingResult training;
        try {
            training = new MetaTrainer(task, optimizer, config.training, config.seed, validation(config, task, optimizer))
                    .train(TrainingListener.all(progress, saver), from);
        } catch (IllegalArgumentException e) {
            throw new UserError(directory.resolve(CheckpointStore.FILE) + ": " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "meta-training: %.1f s, %,.0f optimizee steps/s, %.2f ms per meta-update, "
                        + "%d meta-updates skipped (non-finite), %d diverged instances replaced%n",
                training.seconds(), training.throughput(), 1000 * training.secondsPerMetaUpdate(),
                training.skippedUpdates(), training.resetInstances());
        if (training.selected()) {
            out.printf(Locale.ROOT, "selected φ: after meta-batch %d of %d (mean loss %.4g at step %d on %d tuning "
                            + "instances; scoring took %.1f s of the meta-training time)%n", training.selectedBatch(),
                    config.training.metaBatches, training.selectedScore(), config.evaluationHorizon(),
                    config.evaluation.tuningInstances, training.validationSeconds());
        }
        JsonNode experiment = json.readTree(json.writeValueAsString(config));
        new OptimizerFile(json).save(directory.resolve(OPTIMIZER_FILE), config.optimizer, optimizer, experiment);
        return new Trained(optimizer, training);
    }

    /**
     * With {@code training.selectEvery}, φ is scored as the baselines' learning rates are tuned: the
     * mean loss at the evaluation horizon on the held-out tuning instances.
     */
    private static Validation validation(ExperimentConfig config, Task task, LearnedOptimizer optimizer) {
        if (config.training.selectEvery == 0) {
            return null;
        }
        return new FinalLossValidation(heldOutEvaluator(config, task, optimizer),
                seeds(config.evaluation.tuningInstances, Seeds::tuning), config.evaluationHorizon());
    }

    /** Runs on {@code task}'s held-out family, with the evaluation's batch size and threads. */
    private static Evaluator heldOutEvaluator(ExperimentConfig config, Task task, LearnedOptimizer optimizer) {
        return new Evaluator(task.heldOut(), optimizer.dataType(), config.evaluation.batchSize,
                config.evaluation.threads);
    }

    /**
     * Evaluates {@code optimizer} on {@code config}'s task against the tuned baselines and writes
     * the results into {@code directory}.
     *
     * @param training the meta-training that produced the optimizer, or {@code null}
     */
    public ExperimentResults evaluate(ExperimentConfig config, LearnedOptimizer optimizer, Path directory,
                                      TrainingResult training) throws IOException {
        List<BaselineSpec> baselines = resolveBaselines(config);
        String optimizerName = name(ComponentKind.OPTIMIZER, config.optimizer);
        int horizon = config.evaluationHorizon();
        Evaluator evaluator = heldOutEvaluator(config, config.task.create(), optimizer);
        long[] evaluationSeeds = seeds(config.evaluation.instances, Seeds::evaluation);
        LearningRateTuner tuner = new LearningRateTuner(evaluator, seeds(config.evaluation.tuningInstances, Seeds::tuning),
                horizon);
        Console.Step progress = console.evaluation(1 + baselines.size() * (config.evaluation.learningRates.size() + 1));
        List<ContenderResult> results = new ArrayList<>();
        Double selectedScore = training != null && training.selected() ? training.selectedScore() : null;
        double[][] learnedLosses = evaluator.losses(new LearnedContender(optimizer), evaluationSeeds, horizon);
        double[] learnedFinal = PairedDifference.finalLosses(learnedLosses);
        results.add(ContenderResult.of(optimizerName, "learned", null, selectedScore, CurveSummary.of(learnedLosses)));
        progress.done();
        for (BaselineSpec baseline : baselines) {
            LearningRateTuner.Tuned tuned = tuner.tune(baseline, config.evaluation.learningRates, progress::done);
            double rate = tuned.learningRate();
            warnIfAtTheEdge(name(ComponentKind.BASELINE, baseline), rate, config.evaluation.learningRates);
            double[][] losses = evaluator.losses(new BaselineContender(() -> baseline.updater(rate)), evaluationSeeds, horizon);
            results.add(ContenderResult.of(name(ComponentKind.BASELINE, baseline), "baseline", rate, tuned.score(),
                    CurveSummary.of(losses), PairedDifference.of(learnedFinal, PairedDifference.finalLosses(losses))));
            progress.done();
        }
        ExperimentResults experiment = new ExperimentResults(config.name, name(ComponentKind.TASK, config.task),
                optimizerName, config.seed, evaluationSeeds.length, horizon, results,
                training == null ? null : training.metaLosses(), training == null ? 0 : training.skippedUpdates(),
                training == null ? 0 : training.resetInstances());
        new ResultsWriter().write(directory, experiment, training);
        printTable(experiment);
        console.out().println("results written to " + directory);
        return experiment;
    }

    /** A tuned rate at either end of the grid may not be the best one: say so. */
    private void warnIfAtTheEdge(String baseline, double rate, List<Double> grid) {
        double low = grid.stream().mapToDouble(Double::doubleValue).min().orElse(rate);
        double high = grid.stream().mapToDouble(Double::doubleValue).max().orElse(rate);
        if (grid.size() > 1 && (rate == low || rate == high)) {
            console.out().printf(Locale.ROOT, "note: %s's best learning rate, %.3g, is at the %s end of "
                    + "evaluation.learningRates; a wider grid may tune it better%n", baseline, rate, rate == low ? "low" : "high");
        }
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

    /** The optimizer's name; for one split into parameter groups, each group's too. */
    private String describe(OptimizerSpec spec) {
        if (spec instanceof GroupedOptimizerSpec grouped) {
            List<String> parts = new ArrayList<>();
            grouped.groups.forEach((group, member) -> parts.add(group + ": " + name(ComponentKind.OPTIMIZER, member)));
            return name(ComponentKind.OPTIMIZER, spec) + " (" + String.join(", ", parts) + ")";
        }
        return name(ComponentKind.OPTIMIZER, spec);
    }

    private static long[] seeds(int count, LongUnaryOperator seed) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = seed.applyAsLong(i);
        }
        return seeds;
    }

    private void printTable(ExperimentResults results) {
        var out = console.out();
        out.printf(Locale.ROOT, "%nloss at step %d on %d held-out instances (tuning: mean loss on the tuning instances "
                + "at the tuned rate, or of the selected φ)%n", results.horizon(), results.evaluationInstances());
        out.printf(Locale.ROOT, "%-12s %-9s %10s %10s %12s %12s  %s%n", "optimizer", "kind", "lr", "tuning", "mean",
                "median", "95% interval of the mean");
        for (ContenderResult r : results.optimizers()) {
            out.printf(Locale.ROOT, "%-12s %-9s %10s %10s %12.4g %12.4g  [%.4g, %.4g]%n", r.name(), r.kind(),
                    r.learningRate() == null ? "-" : String.format(Locale.ROOT, "%.3g", r.learningRate()),
                    r.tuningLoss() == null ? "-" : String.format(Locale.ROOT, "%.4g", r.tuningLoss()),
                    r.finalLossMean(), r.finalLossMedian(), r.finalLossCi95()[0], r.finalLossCi95()[1]);
        }
        if (results.optimizers().stream().anyMatch(r -> r.learnedMinusThis() != null)) {
            out.printf(Locale.ROOT, "%n%s − baseline at step %d, paired over the same instances (95%% interval of the mean "
                    + "difference; instances on which %s ends lower)%n", results.optimizer(), results.horizon(),
                    results.optimizer());
            for (ContenderResult r : results.optimizers()) {
                PairedDifference d = r.learnedMinusThis();
                if (d != null) {
                    out.printf(Locale.ROOT, "%-12s %+12.4g  [%+.4g, %+.4g]  %d/%d%n", r.name(), d.mean(), d.ciLow(),
                            d.ciHigh(), d.lowerOn(), d.instances());
                }
            }
        }
    }
}
