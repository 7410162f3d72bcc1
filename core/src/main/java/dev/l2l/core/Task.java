package dev.l2l.core;

/**
 * A family of optimization problems (a task distribution): each seed gives one {@link Optimizee}
 * instance, the same for the same seed. Meta-training, learning-rate tuning and evaluation draw
 * their instances from disjoint seed ranges (see {@link dev.l2l.core.train.Seeds}).
 */
public interface Task {

    /**
     * Draws the instance of this family identified by {@code seed}: its data, its initial
     * parameters and, for a stochastic task, its stream of minibatches.
     */
    Optimizee sample(long seed);

    /**
     * The same family on data held out from meta-training: the baselines' learning rates are
     * tuned, and every contender is evaluated, on instances of this task. The default is this
     * task itself, for families without data (a random quadratic is new data for every seed).
     */
    default Task heldOut() {
        return this;
    }
}
