package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.core.plugin.PreprocessingSpec;
import dev.l2l.core.rnn.CellFactory;
import dev.l2l.core.rnn.CoordinatewiseRnnOptimizer;
import dev.l2l.optimizers.preprocessing.NoPreprocessingSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options every coordinatewise recurrent optimizer shares (layers, units, preprocessing, output
 * scale, group inputs); a subclass names its cell. Defaults are the paper's: 2 layers of 20 units, output scale 0.1.
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
    /**
     * Parameter groups of the task (e.g. {@code [conv, dense]} for the CNN) whose membership the
     * first layer reads as extra inputs, one 0/1 indicator per group; empty (the default) for none.
     */
    public List<String> groupInputs = new ArrayList<>();

    /** The cell of one layer. */
    protected abstract CellFactory cell();

    @Override
    public void validate() {
        ConfigException.requirePositive("layers", layers);
        ConfigException.requirePositive("units", units);
        ConfigException.requirePositive("outputScale", outputScale);
        ConfigException.validateNested("preprocessing", preprocessing);
        if (groupInputs == null) {
            throw new ConfigException("groupInputs", "must be a list of group names, got null");
        }
        Set<String> seen = new HashSet<>();
        for (String group : groupInputs) {
            if (group == null || group.isBlank()) {
                throw new ConfigException("groupInputs", "must name parameter groups, got an empty name");
            }
            if (!seen.add(group)) {
                throw new ConfigException("groupInputs", "names '" + group + "' twice");
            }
        }
    }

    @Override
    public LearnedOptimizer create(DataType dataType, long seed) {
        return new CoordinatewiseRnnOptimizer(preprocessing.create(), cell(), layers, units, groupInputs, outputScale,
                dataType, seed);
    }
}
