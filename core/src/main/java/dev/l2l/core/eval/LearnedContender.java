package dev.l2l.core.eval;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained {@link LearnedOptimizer} under evaluation: a rollout that does not record. With more
 * than one thread, a coordinatewise optimizer on a problem of at least {@value #MINIMUM_PART}
 * coordinates per thread has its coordinates split over the threads ({@link CoordinateSplitRollout}):
 * the same updates, sooner. Leave it at one thread when several runs already go at once.
 */
public final class LearnedContender implements Contender {

    /** Fewest coordinates per thread worth a thread: below it the hand-over costs more than it saves. */
    public static final int MINIMUM_PART = 4096;

    private final LearnedOptimizer optimizer;
    private final int threads;

    /** One thread per run. */
    public LearnedContender(LearnedOptimizer optimizer) {
        this(optimizer, 1);
    }

    /** @param threads threads over which one run's coordinates may be split */
    public LearnedContender(LearnedOptimizer optimizer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.optimizer = optimizer;
        this.threads = threads;
    }

    @Override
    public Run start(ParameterLayout layout, DataType dataType) {
        int parts = optimizer.coordinatewise() ? Math.min(threads, layout.coordinates() / MINIMUM_PART) : 1;
        Rollout rollout = parts > 1 ? new CoordinateSplitRollout(optimizer, layout, parts)
                : optimizer.newRollout(layout, false);
        INDArray update = Nd4j.zeros(optimizer.dataType(), 1, layout.coordinates());
        return new Run() {
            @Override
            public void step(INDArray theta, INDArray gradient) {
                rollout.step(gradient, update);
                theta.addi(update);
            }

            @Override
            public void close() {
                rollout.close();
                update.close();
            }
        };
    }
}
