package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.core.plugin.PreprocessingSpec;
import dev.l2l.core.rnn.CellFactory;
import dev.l2l.core.rnn.CoordinatewiseRnnOptimizer;
import dev.l2l.optimizers.preprocessing.NoPreprocessingSpec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The options every coordinatewise recurrent optimizer shares (layers, units, preprocessing, output
 * scale); a subclass names its cell. Defaults are the paper's: 2 layers of 20 units, output scale 0.1.
 */
public abstract class RecurrentOptimizerSpec implements OptimizerSpec {

    /** Number of stacked recurrent layers. */
    public int layers = 2;
    /** Units per layer. */
    public int units = 20;
    /** How the gradient is turned into the first layer's input (a {@code type:} of kind preprocessing). */
    public PreprocessingSpec preprocessing = new NoPreprocessingSpec();
    /** Factor applied to the network's output to give the update. */
    public double outputScale = 0.1;

    /** The cell of one layer. */
    protected abstract CellFactory cell();

    @Override
    public void validate() {
        ConfigException.requirePositive("layers", layers);
        ConfigException.requirePositive("units", units);
        ConfigException.requirePositive("outputScale", outputScale);
        ConfigException.validateNested("preprocessing", preprocessing);
    }

    @Override
    public LearnedOptimizer create(DataType dataType, long seed) {
        return new CoordinatewiseRnnOptimizer(preprocessing.create(), cell(), layers, units, outputScale, dataType, seed);
    }
}
