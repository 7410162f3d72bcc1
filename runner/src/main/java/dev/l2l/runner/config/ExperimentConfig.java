package dev.l2l.runner.config;

import dev.l2l.core.eval.EvaluationSettings;
import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.core.plugin.TaskSpec;
import dev.l2l.core.train.TrainingSettings;

import java.util.List;

/**
 * An experiment file: which task, which learned optimizer, how to meta-train it and how to compare
 * it with the baselines. Every {@code type:} is the name of a discovered plugin.
 */
public final class ExperimentConfig {

    /** A label for the run, used in reports. */
    public String name = "experiment";
    /** Seed of φ's initialisation and of the meta-training instances. */
    public long seed = 0;
    /** The task family (required). */
    public TaskSpec task;
    /** The learned optimizer (required). */
    public OptimizerSpec optimizer;
    /** Meta-training settings. */
    public TrainingSettings training = new TrainingSettings();
    /** Evaluation settings. */
    public EvaluationSettings evaluation = new EvaluationSettings();
    /** The hand-designed optimizers to compare with, each with its learning rate tuned; by default every registered one. */
    public List<BaselineSpec> baselines;

    /** Checks every section, naming the offending field by its full path. */
    public void validate() {
        validate(true);
    }

    /** As {@link #validate()}; the optimizer may be absent when {@code requireOptimizer} is false. */
    public void validate(boolean requireOptimizer) {
        ConfigException.validateNested("task", task);
        if (requireOptimizer || optimizer != null) {
            ConfigException.validateNested("optimizer", optimizer);
        }
        ConfigException.validateNested("training", training);
        ConfigException.validateNested("evaluation", evaluation);
        if (baselines != null) {
            for (int i = 0; i < baselines.size(); i++) {
                ConfigException.validateNested("baselines[" + i + "]", baselines.get(i));
            }
        }
    }

    /** The evaluation horizon: the evaluation's own, or the training horizon. */
    public int evaluationHorizon() {
        return evaluation.horizon > 0 ? evaluation.horizon : training.horizon;
    }
}
