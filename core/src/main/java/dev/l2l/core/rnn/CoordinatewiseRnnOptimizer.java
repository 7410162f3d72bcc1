package dev.l2l.core.rnn;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * A recurrent network applied coordinatewise (Andrychowicz et al. 2016, §2.1): every coordinate of
 * θ has its own state, all coordinates share φ. One step is
 * <pre>
 *   x = preprocessing(∇)            (a parameterless {@link RecurrentCell})
 *   h¹ = cell¹([x; e], state¹) … hᴸ = cellᴸ(hᴸ⁻¹, stateᴸ)
 *   g = outputScale · (w · hᴸ + b)   (a linear head per coordinate)
 * </pre>
 * φ is laid out as [preprocessing, cell¹ … cellᴸ, w, b]. With group inputs (names G₁ … G_k), e is a
 * constant one-hot column per coordinate: eⱼ = 1 where the coordinate belongs to the problem's
 * parameter group Gⱼ (see {@link dev.l2l.core.ParameterLayout}), 0 otherwise; so one φ can still
 * behave differently on, say, convolution and dense parameters. Without group inputs e is empty.
 *
 * <p>This class, with {@link CoordinatewiseRollout}, is written once for every recurrent optimizer:
 * the LSTM and the GRU differ only in the {@link CellFactory} they pass.
 */
public final class CoordinatewiseRnnOptimizer implements LearnedOptimizer {

    private final List<RecurrentCell> chain;
    private final List<String> groupInputs;
    private final double outputScale;
    private final DataType dataType;
    private final INDArray parameters;
    private final long[] offsets;
    private final INDArray[] cellParameters;
    private final INDArray headWeights;
    private final INDArray headBias;

    /**
     * @param preprocessing maps the gradient (1 feature) to the first layer's input
     * @param layerFactory builds each layer
     * @param layers number of stacked layers (at least 1)
     * @param units units per layer
     * @param outputScale factor applied to the head's output
     * @param dataType precision of φ and of all rollouts
     * @param seed seed of the initial φ
     */
    public CoordinatewiseRnnOptimizer(RecurrentCell preprocessing, CellFactory layerFactory, int layers, int units,
                                      double outputScale, DataType dataType, long seed) {
        this(preprocessing, layerFactory, layers, units, List.of(), outputScale, dataType, seed);
    }

    /**
     * @param groupInputs the parameter groups named in the first layer's input, one indicator each
     *                    (empty for none); a coordinate of a group not named gets zeros
     * @see #CoordinatewiseRnnOptimizer(RecurrentCell, CellFactory, int, int, double, DataType, long)
     */
    public CoordinatewiseRnnOptimizer(RecurrentCell preprocessing, CellFactory layerFactory, int layers, int units,
                                      List<String> groupInputs, double outputScale, DataType dataType, long seed) {
        this(buildChain(preprocessing, layerFactory, layers, units, checkedGroups(groupInputs)), List.copyOf(groupInputs),
                outputScale, requireNonNull(dataType, "dataType is null"), null);
        Random random = new Random(seed);
        for (int i = 0; i < chain.size(); i++) {
            if (cellParameters[i] != null) {
                chain.get(i).initializeParameters(cellParameters[i], random);
            }
        }
        double bound = 1.0 / Math.sqrt(units);
        for (int j = 0; j < units; j++) {
            headWeights.putScalar(0, j, (2 * random.nextDouble() - 1) * bound);
        }
    }

    /** φ in {@code storage} (zeros when null), laid out for {@code chain}. */
    private CoordinatewiseRnnOptimizer(List<RecurrentCell> chain, List<String> groupInputs, double outputScale,
                                       DataType dataType, INDArray storage) {
        this.chain = chain;
        this.groupInputs = groupInputs;
        this.outputScale = outputScale;
        this.dataType = dataType;
        int units = chain.get(chain.size() - 1).outputSize();
        offsets = new long[chain.size() + 1];
        for (int i = 0; i < chain.size(); i++) {
            offsets[i + 1] = offsets[i] + chain.get(i).parameterCount();
        }
        long total = offsets[chain.size()] + units + 1;
        parameters = storage == null ? Nd4j.zeros(dataType, total) : storage;
        cellParameters = slices(parameters);
        long head = offsets[chain.size()];
        headWeights = parameters.get(NDArrayIndex.interval(head, head + units)).reshape('c', 1, units);
        headBias = parameters.get(NDArrayIndex.interval(head + units, total)).reshape('c', 1, 1);
    }

    private static List<String> checkedGroups(List<String> groupInputs) {
        requireNonNull(groupInputs, "groupInputs is null");
        if (new java.util.HashSet<>(groupInputs).size() != groupInputs.size()) {
            throw new IllegalArgumentException("group inputs must be distinct, got " + groupInputs);
        }
        return groupInputs;
    }

    private static List<RecurrentCell> buildChain(RecurrentCell preprocessing, CellFactory layerFactory, int layers,
                                                  int units, List<String> groupInputs) {
        requireNonNull(preprocessing, "preprocessing is null");
        requireNonNull(layerFactory, "layerFactory is null");
        if (layers < 1 || units < 1) {
            throw new IllegalArgumentException("layers and units must be positive: " + layers + ", " + units);
        }
        if (preprocessing.inputSize() != 1) {
            throw new IllegalArgumentException("a preprocessing reads one feature, the gradient; got " + preprocessing.inputSize());
        }
        List<RecurrentCell> chain = new ArrayList<>();
        chain.add(preprocessing);
        int width = preprocessing.outputSize() + groupInputs.size();
        for (int layer = 0; layer < layers; layer++) {
            RecurrentCell cell = layerFactory.create(width, units);
            if (cell.inputSize() != width || cell.outputSize() != units) {
                throw new IllegalArgumentException("cell " + cell + " does not have input " + width + " and output " + units);
            }
            chain.add(cell);
            width = units;
        }
        return List.copyOf(chain);
    }

    @Override
    public LearnedOptimizer withParameters(INDArray storage) {
        if (storage.rank() != 1 || storage.length() != parameters.length() || storage.dataType() != dataType) {
            throw new IllegalArgumentException("storage for φ must be a " + dataType + " vector of " + parameters.length()
                    + " entries, got " + storage.dataType() + " " + java.util.Arrays.toString(storage.shape()));
        }
        storage.assign(parameters);
        return new CoordinatewiseRnnOptimizer(chain, groupInputs, outputScale, dataType, storage);
    }

    /** Yes: every cell maps each coordinate's column alone ({@link RecurrentCell}), group inputs included. */
    @Override
    public boolean coordinatewise() {
        return true;
    }

    @Override
    public INDArray parameters() {
        return parameters;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public Rollout newRollout(int coordinates, boolean record) {
        return newRollout(ParameterLayout.whole(coordinates), record);
    }

    @Override
    public Rollout newRollout(ParameterLayout layout, boolean record) {
        return new CoordinatewiseRollout(this, layout, record);
    }

    /** The parameter groups whose indicators the first layer reads, in input order. */
    public List<String> groupInputs() {
        return groupInputs;
    }

    List<RecurrentCell> chain() {
        return chain;
    }

    INDArray[] cellParameters() {
        return cellParameters;
    }

    INDArray headWeights() {
        return headWeights;
    }

    INDArray headBias() {
        return headBias;
    }

    double outputScale() {
        return outputScale;
    }

    int units() {
        return (int) headWeights.length();
    }

    /** Per-cell views of a flat array laid out like φ (null for a cell without parameters). */
    INDArray[] slices(INDArray array) {
        INDArray flat = array.reshape(array.length());
        INDArray[] views = new INDArray[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            if (offsets[i + 1] > offsets[i]) {
                views[i] = flat.get(NDArrayIndex.interval(offsets[i], offsets[i + 1]));
            }
        }
        return views;
    }

    /** Views of the head's weights [1 × units] and bias [1 × 1] inside a flat array laid out like φ. */
    INDArray[] headSlices(INDArray array) {
        INDArray flat = array.reshape(array.length());
        long head = offsets[chain.size()];
        int units = units();
        return new INDArray[] {
            flat.get(NDArrayIndex.interval(head, head + units)).reshape('c', 1, units),
            flat.get(NDArrayIndex.interval(head + units, head + units + 1)).reshape('c', 1, 1)
        };
    }
}
