package dev.l2l.runner.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.eval.EvaluationSettings;
import dev.l2l.core.groups.GroupedOptimizerSpec;
import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.core.plugin.TaskSpec;
import dev.l2l.core.train.TrainingSettings;

import java.util.List;
import java.util.Map;

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
    /** The learned optimizer, one for every coordinate (this or {@link #optimizers} is required). */
    public OptimizerSpec optimizer;
    /**
     * A learned optimizer per parameter group of the task, by group name (e.g. {@code conv} and
     * {@code dense} for the {@code cnn} task), instead of {@link #optimizer}. Validation turns it
     * into the equivalent {@code optimizer: {type: groups, groups: …}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Map<String, OptimizerSpec> optimizers;
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
        boolean grouped = optimizers != null;
        if (grouped) {
            groupOptimizers();
        }
        if (requireOptimizer && optimizer == null) {
            throw new ConfigException("optimizer", "is required (or optimizers:, one per parameter group)");
        }
        if (optimizer != null) {
            ConfigException.validateNested("optimizer", optimizer);
            String mismatch = parameterGroupMismatch();
            if (mismatch != null) {
                throw new ConfigException(grouped ? "optimizers" : "optimizer", mismatch);
            }
        }
        ConfigException.validateNested("training", training);
        ConfigException.validateNested("evaluation", evaluation);
        if (baselines != null) {
            for (int i = 0; i < baselines.size(); i++) {
                ConfigException.validateNested("baselines[" + i + "]", baselines.get(i));
            }
        }
    }

    /** Checks {@link #optimizers} and replaces it by the equivalent {@link GroupedOptimizerSpec}. */
    private void groupOptimizers() {
        if (optimizer != null) {
            throw new ConfigException("optimizers", "give either optimizer: (one for every parameter) or optimizers: "
                    + "(one per parameter group), not both");
        }
        GroupedOptimizerSpec grouped = new GroupedOptimizerSpec(optimizers);
        try {
            grouped.validate();
        } catch (ConfigException e) {
            // The spec names its fields groups[.NAME…]; in this file they are optimizers[.NAME…].
            throw new ConfigException("optimizers" + e.field().substring("groups".length()), e.problem());
        }
        optimizer = grouped;
        optimizers = null;
    }

    /**
     * Why the optimizer's parameter groups do not fit the task's (checked on one instance), or
     * {@code null} when they do or the optimizer is not split into groups.
     */
    public String parameterGroupMismatch() {
        if (!(optimizer instanceof GroupedOptimizerSpec grouped)) {
            return null;
        }
        List<String> taskGroups = ParameterLayout.stack(List.of(task.create().sample(seed))).groups();
        if (new java.util.HashSet<>(taskGroups).equals(grouped.groups.keySet())) {
            return null;
        }
        return "has optimizers for the parameter groups " + grouped.groups.keySet() + ", but the task's parameter groups are "
                + taskGroups;
    }

    /** The evaluation horizon: the evaluation's own, or the training horizon. */
    public int evaluationHorizon() {
        return evaluation.horizon > 0 ? evaluation.horizon : training.horizon;
    }
}
