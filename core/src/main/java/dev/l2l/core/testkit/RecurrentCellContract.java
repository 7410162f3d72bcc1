package dev.l2l.core.testkit;

import dev.l2l.core.rnn.CellAdjoints;
import dev.l2l.core.rnn.CellBuffers;
import dev.l2l.core.rnn.RecurrentCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Contract checks for a {@link RecurrentCell}, for plugin authors' tests: output and state shapes,
 * and the backward pass against central finite differences in double precision (parameters, input
 * and previous state). The previous state is the one reached after a few steps from zero. Each check throws {@link AssertionError} on failure.
 */
public final class RecurrentCellContract {

    private static final int WARM_UP_STEPS = 3;

    private RecurrentCellContract() {
    }

    /**
     * Checks the cell on {@code rows} coordinates with random parameters, inputs, states and
     * output weights drawn from {@code seed}. The scalar differentiated is
     * ⟨a, output⟩ + Σₖ ⟨bₖ, stateₖ⟩ for random a, bₖ.
     *
     * @param inputScale spread of the random inputs (keep inputs away from a cell's kinks)
     */
    public static void checkBackward(RecurrentCell cell, int rows, long seed, double inputScale, double tolerance) {
        Random random = new Random(seed);
        INDArray params = initialParameters(cell, random);
        INDArray input = gaussian(random, inputScale, cell.inputSize(), rows);
        int[] sizes = cell.stateSizes();
        INDArray[] stateIn = warmState(cell, params, rows, random, inputScale);
        INDArray[] stateWeights = new INDArray[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            stateWeights[k] = gaussian(random, 1.0, sizes[k], rows);
        }
        INDArray outputWeights = gaussian(random, 1.0, cell.outputSize(), rows);
        CellBuffers step = cell.newBuffers(rows, DataType.DOUBLE);
        CellBuffers scratch = cell.newBuffers(rows, DataType.DOUBLE);
        java.util.function.DoubleSupplier objective = () -> {
            cell.forward(params, input, stateIn, step, scratch);
            double value = outputWeights.mul(step.output()).sumNumber().doubleValue();
            checkShape("output", step.output(), cell.outputSize(), rows);
            for (int k = 0; k < sizes.length; k++) {
                checkShape("state " + k, step.state()[k], sizes[k], rows);
                value += stateWeights[k].mul(step.state()[k]).sumNumber().doubleValue();
            }
            return value;
        };

        objective.getAsDouble();
        CellAdjoints adjoints = new CellAdjoints();
        adjoints.output = outputWeights;
        adjoints.stateOut = stateWeights;
        adjoints.input = Nd4j.zeros(DataType.DOUBLE, cell.inputSize(), rows);
        adjoints.stateIn = new INDArray[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            adjoints.stateIn[k] = Nd4j.zeros(DataType.DOUBLE, sizes[k], rows);
        }
        adjoints.parameterGradient = params == null ? null : Nd4j.zeros(DataType.DOUBLE, params.length());
        cell.backward(params, input, stateIn, step, scratch, adjoints);

        String name = cell.toString();
        if (params != null) {
            FiniteDifferences.assertClose(name + " parameter gradient",
                    adjoints.parameterGradient.toDoubleVector(), FiniteDifferences.gradient(params, objective), tolerance);
        }
        FiniteDifferences.assertClose(name + " input adjoint",
                flat(adjoints.input), FiniteDifferences.gradient(input, objective), tolerance);
        for (int k = 0; k < sizes.length; k++) {
            FiniteDifferences.assertClose(name + " state " + k + " adjoint",
                    flat(adjoints.stateIn[k]), FiniteDifferences.gradient(stateIn[k], objective), tolerance);
        }
        step.close();
        scratch.close();
    }

    /**
     * Runs one forward and backward step in double and in float precision on the same random
     * values and checks that outputs, states, adjoints and the parameter gradient agree within
     * {@code tolerance} (relative to the largest value): for cells with a single-precision fast path.
     */
    public static void checkPrecisionsAgree(RecurrentCell cell, int rows, long seed, double inputScale, double tolerance) {
        Random random = new Random(seed);
        INDArray params = initialParameters(cell, random);
        INDArray input = gaussian(random, inputScale, cell.inputSize(), rows);
        INDArray[] stateIn = warmState(cell, params, rows, random, inputScale);
        int[] sizes = cell.stateSizes();
        INDArray outputAdjoint = gaussian(random, 1.0, cell.outputSize(), rows);
        INDArray[] stateAdjoints = new INDArray[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            stateAdjoints[k] = gaussian(random, 1.0, sizes[k], rows);
        }
        double[][] reference = step(cell, DataType.DOUBLE, params, input, stateIn, outputAdjoint, stateAdjoints);
        double[][] single = step(cell, DataType.FLOAT, params, input, stateIn, outputAdjoint, stateAdjoints);
        String[] names = {"output", "parameter gradient", "input adjoint"};
        for (int v = 0; v < reference.length; v++) {
            String what = v < names.length ? names[v] : (v - names.length) % 2 == 0
                    ? "state " + (v - names.length) / 2 : "state adjoint " + (v - names.length) / 2;
            double scale = 0;
            for (double x : reference[v]) {
                scale = Math.max(scale, Math.abs(x));
            }
            for (int i = 0; i < reference[v].length; i++) {
                if (!(Math.abs(reference[v][i] - single[v][i]) <= tolerance * Math.max(scale, 1e-12))) {
                    throw new AssertionError(cell + " " + what + "[" + i + "]: float " + single[v][i] + ", double "
                            + reference[v][i] + " (tolerance " + tolerance + " of " + scale + ")");
                }
            }
        }
    }

    /** Output, parameter gradient, input adjoint, then per state: new state and adjoint of the old one. */
    private static double[][] step(RecurrentCell cell, DataType type, INDArray params, INDArray input, INDArray[] stateIn,
                                   INDArray outputAdjoint, INDArray[] stateAdjoints) {
        int[] sizes = cell.stateSizes();
        INDArray p = params == null ? null : params.castTo(type);
        INDArray[] state = new INDArray[sizes.length];
        CellAdjoints adjoints = new CellAdjoints();
        adjoints.output = outputAdjoint.castTo(type);
        adjoints.stateOut = new INDArray[sizes.length];
        adjoints.stateIn = new INDArray[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            state[k] = stateIn[k].castTo(type);
            adjoints.stateOut[k] = stateAdjoints[k].castTo(type);
            adjoints.stateIn[k] = Nd4j.zeros(type, sizes[k], input.columns());
        }
        adjoints.input = Nd4j.zeros(type, cell.inputSize(), input.columns());
        adjoints.parameterGradient = p == null ? null : Nd4j.zeros(type, p.length());
        INDArray x = input.castTo(type);
        try (CellBuffers step = cell.newBuffers((int) input.columns(), type);
             CellBuffers scratch = cell.newBuffers((int) input.columns(), type)) {
            cell.forward(p, x, state, step, scratch);
            double[][] values = new double[3 + 2 * sizes.length][];
            values[0] = flat(step.output());
            for (int k = 0; k < sizes.length; k++) {
                values[3 + 2 * k] = flat(step.state()[k]);
            }
            cell.backward(p, x, state, step, scratch, adjoints);
            values[1] = p == null ? new double[0] : adjoints.parameterGradient.toDoubleVector();
            values[2] = flat(adjoints.input);
            for (int k = 0; k < sizes.length; k++) {
                values[4 + 2 * k] = flat(adjoints.stateIn[k]);
            }
            return values;
        }
    }

    /** The cell's own initialisation of its parameters in double, or {@code null} for a cell without any. */
    private static INDArray initialParameters(RecurrentCell cell, Random random) {
        if (cell.parameterCount() == 0) {
            return null;
        }
        INDArray params = Nd4j.zeros(DataType.DOUBLE, cell.parameterCount());
        cell.initializeParameters(params, random);
        return params;
    }

    /** A state reached from zero by a few steps on random inputs: realistic, and valid for any cell. */
    private static INDArray[] warmState(RecurrentCell cell, INDArray params, int rows, Random random, double inputScale) {
        int[] sizes = cell.stateSizes();
        INDArray[] state = new INDArray[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            state[k] = Nd4j.zeros(DataType.DOUBLE, sizes[k], rows);
        }
        try (CellBuffers step = cell.newBuffers(rows, DataType.DOUBLE);
             CellBuffers scratch = cell.newBuffers(rows, DataType.DOUBLE)) {
            for (int t = 0; t < WARM_UP_STEPS; t++) {
                cell.forward(params, gaussian(random, inputScale, cell.inputSize(), rows), state, step, scratch);
                for (int k = 0; k < sizes.length; k++) {
                    state[k].assign(step.state()[k]);
                }
            }
        }
        return state;
    }

    static INDArray gaussian(Random random, double scale, long... shape) {
        INDArray array = Nd4j.zeros(DataType.DOUBLE, shape);
        INDArray flat = array.reshape(array.length());
        for (int k = 0; k < array.length(); k++) {
            flat.putScalar(k, random.nextGaussian() * scale);
        }
        return array;
    }

    private static double[] flat(INDArray array) {
        return array.reshape(array.length()).toDoubleVector();
    }

    private static void checkShape(String what, INDArray array, int features, int rows) {
        if (array.rows() != features || array.columns() != rows) {
            throw new AssertionError(what + " has shape " + java.util.Arrays.toString(array.shape())
                    + ", expected [" + features + ", " + rows + "]");
        }
    }
}
