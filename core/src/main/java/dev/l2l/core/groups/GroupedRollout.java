package dev.l2l.core.groups;

import dev.l2l.core.ParameterLayout;
import dev.l2l.core.ParameterLayout.Segment;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The rollout of a {@link GroupedOptimizer}: each group's coordinates are gathered into a vector of
 * their own, stepped by that group's rollout, and the results scattered back.
 */
final class GroupedRollout implements Rollout {

    /** One group: its rollout, its segments of the stacked vector and its own arrays. */
    private static final class Part {
        final Rollout rollout;
        final List<Segment> segments;
        final int[] localOffsets;
        final INDArray gradient;
        final INDArray update;
        final INDArray updateAdjoint;
        final INDArray gradientAdjoint;

        Part(Rollout rollout, List<Segment> segments, DataType type, boolean record) {
            this.rollout = rollout;
            this.segments = segments;
            this.localOffsets = new int[segments.size() + 1];
            for (int k = 0; k < segments.size(); k++) {
                localOffsets[k + 1] = localOffsets[k] + segments.get(k).size();
            }
            int n = localOffsets[segments.size()];
            gradient = Nd4j.zeros(type, 1, n);
            update = Nd4j.zeros(type, 1, n);
            updateAdjoint = record ? Nd4j.zeros(type, 1, n) : null;
            gradientAdjoint = record ? Nd4j.zeros(type, 1, n) : null;
        }

        /** Copies this group's coordinates of {@code stacked} into {@code local}. */
        void gather(INDArray stacked, INDArray local) {
            for (int k = 0; k < segments.size(); k++) {
                local(local, k).assign(global(stacked, k));
            }
        }

        /** Copies {@code local} into this group's coordinates of {@code stacked}. */
        void scatter(INDArray local, INDArray stacked) {
            for (int k = 0; k < segments.size(); k++) {
                global(stacked, k).assign(local(local, k));
            }
        }

        private INDArray global(INDArray stacked, int k) {
            return stacked.get(NDArrayIndex.all(), NDArrayIndex.interval(segments.get(k).from(), segments.get(k).to()));
        }

        private INDArray local(INDArray local, int k) {
            return local.get(NDArrayIndex.all(), NDArrayIndex.interval(localOffsets[k], localOffsets[k + 1]));
        }

        void close() {
            rollout.close();
            gradient.close();
            update.close();
            if (updateAdjoint != null) {
                updateAdjoint.close();
                gradientAdjoint.close();
            }
        }
    }

    private final GroupedOptimizer optimizer;
    private final int coordinates;
    private final List<Part> parts = new ArrayList<>();
    private INDArray gradientSource;
    private List<INDArray> gradientSlices;

    GroupedRollout(GroupedOptimizer optimizer, ParameterLayout layout, boolean record) {
        this.optimizer = optimizer;
        this.coordinates = layout.coordinates();
        try {
            for (String group : optimizer.groups()) {
                List<Segment> segments = layout.segmentsOf(group);
                int size = segments.stream().mapToInt(Segment::size).sum();
                Rollout rollout = optimizer.member(group).newRollout(size, record);
                parts.add(new Part(rollout, segments, optimizer.dataType(), record));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public int coordinates() {
        return coordinates;
    }

    @Override
    public void step(INDArray gradient, INDArray update) {
        for (Part part : parts) {
            part.gather(gradient, part.gradient);
            part.rollout.step(part.gradient, part.update);
            part.scatter(part.update, update);
        }
    }

    @Override
    public void backwardStep(INDArray updateAdjoint, INDArray gradientAdjoint, INDArray parameterGradient) {
        if (parameterGradient != gradientSource) {
            if (parameterGradient.length() != optimizer.parameters().length()) {
                throw new IllegalArgumentException("parameter gradient has length " + parameterGradient.length()
                        + ", φ has " + optimizer.parameters().length());
            }
            gradientSlices = optimizer.slices(parameterGradient);
            gradientSource = parameterGradient;
        }
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.updateAdjoint == null) {
                throw new IllegalStateException("this rollout was created without recording");
            }
            part.gather(updateAdjoint, part.updateAdjoint);
            part.rollout.backwardStep(part.updateAdjoint, gradientAdjoint == null ? null : part.gradientAdjoint,
                    gradientSlices.get(i));
            if (gradientAdjoint != null) {
                part.scatter(part.gradientAdjoint, gradientAdjoint);
            }
        }
    }

    @Override
    public void truncate() {
        for (Part part : parts) {
            part.rollout.truncate();
        }
    }

    @Override
    public void resetState(int from, int to) {
        for (Part part : parts) {
            for (int k = 0; k < part.segments.size(); k++) {
                Segment segment = part.segments.get(k);
                int start = Math.max(from, segment.from());
                int end = Math.min(to, segment.to());
                if (start < end) {
                    int shift = part.localOffsets[k] - segment.from();
                    part.rollout.resetState(start + shift, end + shift);
                }
            }
        }
    }

    @Override
    public void close() {
        for (Part part : parts) {
            part.close();
        }
        parts.clear();
    }
}
