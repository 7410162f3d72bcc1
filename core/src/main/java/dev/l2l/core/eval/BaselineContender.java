package dev.l2l.core.eval;

import dev.l2l.core.ParameterLayout;
import dev.l2l.core.update.UpdateRule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.function.Supplier;

/** A hand-designed optimizer under evaluation: an ND4J update rule applied to the stacked θ. */
public final class BaselineContender implements Contender {

    private final Supplier<IUpdater> rule;

    /** @param rule a fresh rule (with its learning rate) for each run */
    public BaselineContender(Supplier<IUpdater> rule) {
        this.rule = rule;
    }

    @Override
    public Run start(ParameterLayout layout, DataType dataType) {
        INDArray shape = Nd4j.zeros(dataType, 1, layout.coordinates());
        UpdateRule updates = new UpdateRule(rule.get(), shape);
        shape.close();
        return new Run() {
            @Override
            public void step(INDArray theta, INDArray gradient) {
                updates.apply(theta, gradient);
            }

            @Override
            public void close() {
                updates.close();
            }
        };
    }
}
