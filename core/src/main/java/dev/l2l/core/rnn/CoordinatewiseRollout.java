package dev.l2l.core.rnn;

import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-problem side of {@link CoordinatewiseRnnOptimizer}: per-coordinate states, the buffers of
 * every recorded step (allocated once and reused across truncations) and BPTT through them. With
 * group inputs, every step slot holds the first layer's input [x; e] with the constant indicators e
 * written once, and the first layer's input adjoint has rows for e that nothing reads.
 */
final class CoordinatewiseRollout implements Rollout {

    private final CoordinatewiseRnnOptimizer optimizer;
    private final List<RecurrentCell> chain;
    private final int rows;
    private final boolean record;
    private final DataType dataType;
    /** The group indicators e [groups × rows], or null without group inputs. */
    private final INDArray groupIndicators;
    private final INDArray firstInputAdjoint;

    private final List<StepSlot> slots = new ArrayList<>();
    private final INDArray[][] carry;
    private INDArray[][] current;
    private int recorded;
    private int cursor;
    private long steps;

    private final CellBuffers[] scratch;
    private final INDArray[] outputAdjoints;
    private INDArray[][] stateAdjointsNext;
    private INDArray[][] stateAdjointsPrevious;
    private final INDArray headAdjoint;
    private final INDArray ones;
    private final CellAdjoints adjoints = new CellAdjoints();
    private INDArray gradientSource;
    private INDArray[] gradientSlices;
    private INDArray[] headGradientSlices;

    CoordinatewiseRollout(CoordinatewiseRnnOptimizer optimizer, ParameterLayout layout, boolean record) {
        int rows = layout.coordinates();
        this.optimizer = optimizer;
        this.chain = optimizer.chain();
        this.rows = rows;
        this.record = record;
        this.dataType = optimizer.dataType();
        int n = chain.size();
        groupIndicators = indicators(optimizer.groupInputs(), layout);
        firstInputAdjoint = record && groupIndicators != null
                ? Nd4j.zeros(dataType, chain.get(1).inputSize(), rows) : null;
        carry = new INDArray[n][];
        scratch = new CellBuffers[n];
        outputAdjoints = new INDArray[n];
        stateAdjointsNext = new INDArray[n][];
        stateAdjointsPrevious = new INDArray[n][];
        for (int i = 0; i < n; i++) {
            RecurrentCell cell = chain.get(i);
            carry[i] = zeros(cell.stateSizes());
            scratch[i] = cell.newBuffers(rows, dataType);
            if (record) {
                outputAdjoints[i] = i == 0 && firstInputAdjoint != null
                        ? firstInputAdjoint.get(NDArrayIndex.interval(0, cell.outputSize()), NDArrayIndex.all())
                        : Nd4j.zeros(dataType, cell.outputSize(), rows);
                stateAdjointsNext[i] = zeros(cell.stateSizes());
                stateAdjointsPrevious[i] = zeros(cell.stateSizes());
            }
        }
        current = carry.clone();
        headAdjoint = record ? Nd4j.zeros(dataType, 1, rows) : null;
        ones = record ? Nd4j.ones(dataType, 1, rows) : null;
    }

    @Override
    public int coordinates() {
        return rows;
    }

    @Override
    public void step(INDArray gradient, INDArray update) {
        if (record && cursor != recorded) {
            throw new IllegalStateException("step() during a backward pass: call truncate() first");
        }
        StepSlot slot = slot(record ? recorded : (int) (steps % 2));
        slot.gradient.assign(gradient);
        INDArray input = slot.gradient;
        INDArray[] parameters = optimizer.cellParameters();
        for (int i = 0; i < chain.size(); i++) {
            if (record) {
                chain.get(i).forward(parameters[i], input, current[i], slot.buffers[i], scratch[i]);
            } else {
                chain.get(i).forwardInference(parameters[i], input, current[i], slot.buffers[i], scratch[i]);
            }
            input = slot.buffers[i].output();
            if (i == 0 && slot.firstInput != null) {
                slot.features.assign(input);
                input = slot.firstInput;
            }
        }
        Nd4j.gemm(optimizer.headWeights(), input, slot.rawUpdate, false, false, 1.0, 0.0);
        slot.rawUpdate.addi(optimizer.headBias().getDouble(0));
        update.assign(slot.rawUpdate).muli(optimizer.outputScale());
        for (int i = 0; i < chain.size(); i++) {
            current[i] = slot.buffers[i].state();
        }
        steps++;
        if (record) {
            recorded++;
            cursor = recorded;
        }
    }

    @Override
    public void backwardStep(INDArray updateAdjoint, INDArray gradientAdjoint, INDArray parameterGradient) {
        if (!record) {
            throw new IllegalStateException("this rollout was created without recording");
        }
        if (cursor == 0) {
            throw new IllegalStateException("no recorded step left to back-propagate through");
        }
        if (cursor == recorded) {
            for (INDArray[] adjoint : stateAdjointsNext) {
                for (INDArray array : adjoint) {
                    array.assign(0.0);
                }
            }
        }
        cursor--;
        StepSlot slot = slots.get(cursor);
        bindGradient(parameterGradient);
        int top = chain.size() - 1;

        headAdjoint.assign(updateAdjoint).muli(optimizer.outputScale());
        INDArray topOutput = slot.buffers[top].output();
        Nd4j.gemm(headAdjoint, topOutput, headGradientSlices[0], false, true, 1.0, 1.0);
        Nd4j.gemm(headAdjoint, ones, headGradientSlices[1], false, true, 1.0, 1.0);
        Nd4j.gemm(optimizer.headWeights(), headAdjoint, outputAdjoints[top], true, false, 1.0, 0.0);

        INDArray[] parameters = optimizer.cellParameters();
        for (int i = top; i >= 0; i--) {
            RecurrentCell cell = chain.get(i);
            if (i == 0 && gradientAdjoint == null && cell.parameterCount() == 0) {
                break; // the gradient is a constant: nothing below the first layer depends on φ
            }
            adjoints.output = outputAdjoints[i];
            adjoints.stateOut = stateAdjointsNext[i];
            adjoints.stateIn = stateAdjointsPrevious[i];
            adjoints.input = i == 0 ? gradientAdjoint
                    : i == 1 && firstInputAdjoint != null ? firstInputAdjoint : outputAdjoints[i - 1];
            adjoints.parameterGradient = gradientSlices[i];
            INDArray input = i == 0 ? slot.gradient : i == 1 ? slot.firstInput() : slot.buffers[i - 1].output();
            INDArray[] stateIn = cursor == 0 ? carry[i] : slots.get(cursor - 1).buffers[i].state();
            cell.backward(parameters[i], input, stateIn, slot.buffers[i], scratch[i], adjoints);
        }
        INDArray[][] swap = stateAdjointsNext;
        stateAdjointsNext = stateAdjointsPrevious;
        stateAdjointsPrevious = swap;
    }

    @Override
    public void truncate() {
        if (!record || recorded == 0) {
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            for (int k = 0; k < carry[i].length; k++) {
                carry[i][k].assign(current[i][k]);
            }
        }
        current = carry.clone();
        recorded = 0;
        cursor = 0;
    }

    @Override
    public void resetState(int from, int to) {
        if (record && recorded > 0) {
            throw new IllegalStateException("resetState() inside a truncation: call truncate() first");
        }
        INDArray[][] state = record ? carry : current;
        for (INDArray[] arrays : state) {
            for (INDArray array : arrays) {
                array.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).assign(0.0);
            }
        }
    }

    @Override
    public void close() {
        for (StepSlot slot : slots) {
            slot.close();
        }
        slots.clear();
        for (int i = 0; i < chain.size(); i++) {
            scratch[i].close();
            closeAll(carry[i]);
            if (record && !(i == 0 && firstInputAdjoint != null)) {
                outputAdjoints[i].close();
            }
            if (record) {
                closeAll(stateAdjointsNext[i]);
                closeAll(stateAdjointsPrevious[i]);
            }
        }
        if (record) {
            headAdjoint.close();
            ones.close();
        }
        if (firstInputAdjoint != null) {
            firstInputAdjoint.close();
        }
        if (groupIndicators != null) {
            groupIndicators.close();
        }
    }

    /** e [groups × rows]: row j is 1 on the coordinates of group {@code groups.get(j)}; null for no groups. */
    private INDArray indicators(List<String> groups, ParameterLayout layout) {
        if (groups.isEmpty()) {
            return null;
        }
        INDArray e = Nd4j.zeros(dataType, groups.size(), rows);
        for (int j = 0; j < groups.size(); j++) {
            for (ParameterLayout.Segment segment : layout.segmentsOf(groups.get(j))) {
                e.get(NDArrayIndex.point(j), NDArrayIndex.interval(segment.from(), segment.to())).assign(1.0);
            }
        }
        return e;
    }

    private void bindGradient(INDArray parameterGradient) {
        if (parameterGradient != gradientSource) {
            if (parameterGradient.length() != optimizer.parameters().length()) {
                throw new IllegalArgumentException("parameter gradient has length " + parameterGradient.length()
                        + ", φ has " + optimizer.parameters().length());
            }
            gradientSlices = optimizer.slices(parameterGradient);
            headGradientSlices = optimizer.headSlices(parameterGradient);
            gradientSource = parameterGradient;
        }
    }

    private StepSlot slot(int index) {
        while (slots.size() <= index) {
            slots.add(new StepSlot());
        }
        return slots.get(index);
    }

    private INDArray[] zeros(int[] sizes) {
        INDArray[] arrays = new INDArray[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            arrays[k] = Nd4j.zeros(dataType, sizes[k], rows);
        }
        return arrays;
    }

    private static void closeAll(INDArray[] arrays) {
        for (INDArray array : arrays) {
            array.close();
        }
    }

    /**
     * What one step writes: a copy of its gradient, each cell's buffers, the unscaled update and,
     * with group inputs, the first layer's input [x; e].
     */
    private final class StepSlot implements AutoCloseable {
        final INDArray gradient = Nd4j.zeros(dataType, 1, rows);
        final INDArray rawUpdate = Nd4j.zeros(dataType, 1, rows);
        final CellBuffers[] buffers = new CellBuffers[chain.size()];
        /** [x; e], or null without group inputs. */
        final INDArray firstInput;
        /** The x rows of {@link #firstInput}. */
        final INDArray features;

        StepSlot() {
            for (int i = 0; i < chain.size(); i++) {
                buffers[i] = chain.get(i).newBuffers(rows, dataType);
            }
            if (groupIndicators == null) {
                firstInput = null;
                features = null;
            } else {
                int x = chain.get(0).outputSize();
                firstInput = Nd4j.zeros(dataType, x + groupIndicators.rows(), rows);
                features = firstInput.get(NDArrayIndex.interval(0, x), NDArrayIndex.all());
                firstInput.get(NDArrayIndex.interval(x, x + groupIndicators.rows()), NDArrayIndex.all())
                        .assign(groupIndicators);
            }
        }

        /** What the first layer read. */
        INDArray firstInput() {
            return firstInput != null ? firstInput : buffers[0].output();
        }

        @Override
        public void close() {
            gradient.close();
            rawUpdate.close();
            if (firstInput != null) {
                firstInput.close();
            }
            for (CellBuffers buffer : buffers) {
                buffer.close();
            }
        }
    }
}
