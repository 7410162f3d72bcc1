package dev.l2l.core.plugin;

import dev.l2l.core.LearnedOptimizer;
import org.nd4j.linalg.api.buffer.DataType;

/** Configuration of a {@link LearnedOptimizer}; registered with {@link PluginRegistrar#optimizer}. */
public interface OptimizerSpec extends ComponentSpec {

    /**
     * Builds the optimizer with freshly initialised meta-parameters.
     *
     * @param dataType precision of φ and of the optimizer's arithmetic
     * @param seed seed of the initial φ
     */
    LearnedOptimizer create(DataType dataType, long seed);
}
