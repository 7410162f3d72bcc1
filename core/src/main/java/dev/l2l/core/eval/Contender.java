package dev.l2l.core.eval;

import dev.l2l.core.ParameterLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An optimizer under evaluation, learned or hand-designed, seen only as something that steps θ. */
public interface Contender {

    /** Starts optimizing a stacked problem whose coordinates (and their parameter groups) are {@code layout}. */
    Run start(ParameterLayout layout, DataType dataType);

    /** One run of a contender on one stacked problem. */
    interface Run extends AutoCloseable {

        /** θ ← θ + (this optimizer's step for gradient ∇); both [1 × coordinates]. */
        void step(INDArray theta, INDArray gradient);

        @Override
        void close();
    }
}
