package dev.l2l.core.eval;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A trained {@link LearnedOptimizer} under evaluation: a rollout that does not record. */
public final class LearnedContender implements Contender {

    private final LearnedOptimizer optimizer;

    public LearnedContender(LearnedOptimizer optimizer) {
        this.optimizer = optimizer;
    }

    @Override
    public Run start(ParameterLayout layout, DataType dataType) {
        Rollout rollout = optimizer.newRollout(layout, false);
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
