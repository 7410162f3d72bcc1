package dev.l2l.core.train;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import dev.l2l.core.update.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Meta-trains a learned optimizer on a task: for each meta-batch, fresh instances from the
 * meta-training seed range, optimized along the horizon in truncations; after each truncation, Adam
 * on φ with the (optionally clipped) meta-gradient. A non-finite meta-gradient never reaches φ:
 * the update is skipped and counted. An instance whose loss or gradient stops being finite is
 * replaced, after the truncation, by a new instance that starts from its θ₀ and a fresh state.
 *
 * <p>Given a {@link Validation} and {@link TrainingSettings#selectEvery} &gt; 0, φ is scored every
 * {@code selectEvery} meta-batches and after the last, and the run ends with the best φ scored
 * (the first of equal scores), kept in checkpoints so that a resumed run selects the same. With
 * {@link TrainingSettings#averageDecay} &gt; 0 the average φ̄ of {@link PhiAverage} takes φ's place
 * in scoring and at the end, and is checkpointed too.
 *
 * <p>A meta-batch is split into {@link TrainingSettings#threads} shards computed in parallel; their
 * meta-gradients are summed in shard order, so the result does not depend on thread timing.
 */
public final class MetaTrainer {

    private final Task task;
    private final LearnedOptimizer optimizer;
    private final TrainingSettings settings;
    private final long seed;
    private final Validation validation;

    /** Meta-training that keeps the last φ (whatever {@link TrainingSettings#selectEvery} says). */
    public MetaTrainer(Task task, LearnedOptimizer optimizer, TrainingSettings settings, long seed) {
        this(task, optimizer, settings, seed, null);
    }

    /** @param validation scores φ for selection, or {@code null} to keep the last φ */
    public MetaTrainer(Task task, LearnedOptimizer optimizer, TrainingSettings settings, long seed,
                       Validation validation) {
        this.task = requireNonNull(task, "task is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.seed = seed;
        this.validation = settings.selectEvery > 0 ? validation : null;
        settings.validate();
    }

    /** Runs meta-training from the start to the end, updating the optimizer's φ in place. */
    public TrainingResult train(TrainingListener listener) {
        return train(listener, null);
    }

    /**
     * Runs meta-training to the end, from {@code resume} if it is not {@code null} (φ and the
     * meta-optimizer's state are restored from it first).
     */
    public TrainingResult train(TrainingListener listener, TrainingProgress resume) {
        INDArray phi = optimizer.parameters();
        INDArray phiRow = phi.reshape(1, phi.length());
        INDArray gradient = Nd4j.zeros(phi.dataType(), 1, phi.length());
        int shards = Math.min(settings.threads, settings.metaBatchSize);
        List<Double> metaLosses = new ArrayList<>();
        long steps = 0;
        int updates = 0;
        int skipped = 0;
        int resets = 0;
        int first = 0;
        double earlierSeconds = 0;
        double validationSeconds = 0;
        Selection selection = new Selection();
        PhiAverage average = settings.averageDecay > 0 ? new PhiAverage(phi, settings.averageDecay) : null;
        try (UpdateRule adam = new UpdateRule(settings.metaOptimizer(settings.metaUpdates()), phiRow);
             ShardedMetaGradient sharded = new ShardedMetaGradient(optimizer, settings, shards)) {
            if (resume != null) {
                restore(resume, phi, adam);
                metaLosses.addAll(resume.metaLosses());
                steps = resume.optimizeeSteps();
                updates = resume.metaUpdates();
                skipped = resume.skippedUpdates();
                resets = resume.resetInstances();
                first = resume.completedBatches();
                earlierSeconds = resume.seconds();
                validationSeconds = resume.validationSeconds();
                selection.restore(resume.selected(), phi);
                if (average != null) {
                    if (resume.averagePhi() == null) {
                        throw new IllegalArgumentException("the checkpoint has no averaged φ, but averageDecay is "
                                + settings.averageDecay);
                    }
                    average.restore(resume.averagePhi());
                }
            }
            long started = System.nanoTime();
            for (int batch = first; batch < settings.metaBatches; batch++) {
                sharded.start(sample(batch));
                double metaLoss = 0;
                while (!sharded.done()) {
                    int before = sharded.step();
                    metaLoss += sharded.nextTruncation(gradient);
                    steps += (long) (sharded.step() - before) * settings.metaBatchSize;
                    if (clip(gradient)) {
                        adam.apply(phiRow, gradient);
                        updates++;
                        if (average != null) {
                            average.update(phi);
                        }
                    } else {
                        skipped++;
                    }
                    int step = sharded.step();
                    int index = batch;
                    resets += sharded.replaceDiverged(b -> task.sample(replacementSeed(index, step, b)));
                }
                boolean last = batch + 1 == settings.metaBatches;
                if (validation != null && (last || (batch + 1) % settings.selectEvery == 0)) {
                    long before = System.nanoTime();
                    double score = average == null
                            ? selection.offer(batch + 1, validation.score(optimizer), phi)
                            : selection.offer(batch + 1, average.withAverage(phi, () -> validation.score(optimizer)),
                                    average.values());
                    validationSeconds += (System.nanoTime() - before) / 1e9;
                    listener.validated(batch + 1, score, selection.score);
                }
                double seconds = earlierSeconds + (System.nanoTime() - started) / 1e9;
                metaLosses.add(metaLoss);
                listener.metaBatchDone(new MetaBatchReport(batch, settings.metaBatches, metaLoss,
                        sharded.meanLoss(), skipped, resets, steps, seconds - validationSeconds));
                if (last || (settings.checkpointEvery > 0 && (batch + 1) % settings.checkpointEvery == 0)) {
                    listener.checkpoint(new TrainingProgress(batch + 1, steps, updates, skipped, resets, List.copyOf(metaLosses),
                            phi, adam.state(), adam.iteration(), seconds, validationSeconds, selection.current(),
                            average == null ? null : average.values()));
                }
            }
            double seconds = earlierSeconds + (System.nanoTime() - started) / 1e9;
            if (average != null) {
                phi.assign(average.values());
            }
            selection.applyTo(phi);
            return new TrainingResult(metaLosses, steps, seconds, updates, skipped, resets, validationSeconds,
                    selection.batch, selection.batch > 0 ? selection.score : Double.NaN);
        } finally {
            gradient.close();
            selection.close();
            if (average != null) {
                average.close();
            }
        }
    }

    /** The best φ scored so far (none before the first score). */
    private static final class Selection implements AutoCloseable {
        private INDArray phi;
        private int batch;
        private double score = Double.POSITIVE_INFINITY;

        /** Scores {@code current} ({@code score}, +∞ if not finite); keeps it if best. Returns the score. */
        double offer(int completedBatches, double score, INDArray current) {
            double finite = Double.isFinite(score) ? score : Double.POSITIVE_INFINITY;
            if (phi == null) {
                phi = current.dup();
            } else if (finite < this.score) {
                phi.assign(current);
            } else {
                return finite;
            }
            batch = completedBatches;
            this.score = finite;
            return finite;
        }

        void restore(SelectedPhi saved, INDArray current) {
            if (saved != null) {
                if (saved.phi().length() != current.length()) {
                    throw new IllegalArgumentException("the checkpoint's selected φ has " + saved.phi().length()
                            + " entries, this optimizer " + current.length());
                }
                phi = saved.phi().reshape(current.shape()).castTo(current.dataType()).dup();
                batch = saved.completedBatches();
                score = saved.score();
            }
        }

        SelectedPhi current() {
            return phi == null ? null : new SelectedPhi(batch, score, phi);
        }

        void applyTo(INDArray current) {
            if (phi != null) {
                current.assign(phi);
            }
        }

        @Override
        public void close() {
            if (phi != null) {
                phi.close();
            }
        }
    }

    /**
     * The seed of the instance that replaces instance {@code b} of meta-batch {@code batch} after it
     * diverged at {@code step}: a pure function of the position, beyond the seeds of the regular
     * meta-batches, so resumed runs replace identically.
     */
    private long replacementSeed(int batch, int step, int b) {
        long regular = (long) settings.metaBatches * settings.metaBatchSize;
        return Seeds.training(seed, regular + ((long) batch * (settings.horizon + 1) + step) * settings.metaBatchSize + b);
    }

    private void restore(TrainingProgress resume, INDArray phi, UpdateRule adam) {
        if (resume.completedBatches() > settings.metaBatches) {
            throw new IllegalArgumentException("the checkpoint is past the end: " + resume.completedBatches()
                    + " meta-batches done of " + settings.metaBatches);
        }
        if (resume.phi().length() != phi.length()) {
            throw new IllegalArgumentException("the checkpoint's φ has " + resume.phi().length()
                    + " entries, this optimizer " + phi.length());
        }
        phi.assign(resume.phi().reshape(phi.shape()));
        if (adam.state() != null) {
            if (resume.metaOptimizerState() == null || resume.metaOptimizerState().length() != adam.state().length()) {
                throw new IllegalArgumentException("the checkpoint's meta-optimizer state does not fit this optimizer");
            }
            adam.state().assign(resume.metaOptimizerState().reshape(adam.state().shape()));
        }
        adam.setIteration(resume.metaOptimizerIteration());
    }

    private List<Optimizee> sample(int batch) {
        List<Optimizee> instances = new ArrayList<>(settings.metaBatchSize);
        for (int b = 0; b < settings.metaBatchSize; b++) {
            instances.add(task.sample(Seeds.training(seed, (long) batch * settings.metaBatchSize + b)));
        }
        return instances;
    }

    /** Rescales the gradient to at most clipNorm; false if it is not finite. */
    private boolean clip(INDArray gradient) {
        double norm = gradient.norm2Number().doubleValue();
        if (!Double.isFinite(norm)) {
            return false;
        }
        if (settings.clipNorm > 0 && norm > settings.clipNorm) {
            gradient.muli(settings.clipNorm / norm);
        }
        return true;
    }
}
