package dev.l2l.core.groups;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One learned optimizer per parameter group: the coordinates of group g (as the problem's
 * {@link ParameterLayout} names them) are optimized by member g alone, with its own φ and its own
 * state. φ is the members' φ concatenated in the order given, each member's φ a view into it
 * (see {@link LearnedOptimizer#withParameters}), so meta-training, checkpoints and optimizer files
 * treat it like any other φ.
 */
public final class GroupedOptimizer implements LearnedOptimizer {

    private final Map<String, LearnedOptimizer> members;
    private final DataType dataType;
    private final INDArray parameters;
    private final long[] offsets;

    /**
     * @param members the optimizer of each group, by group name; each is moved into the shared φ
     *                and must not be used on its own afterwards
     */
    public GroupedOptimizer(Map<String, ? extends LearnedOptimizer> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a grouped optimizer needs at least one group");
        }
        DataType type = null;
        long total = 0;
        for (Map.Entry<String, ? extends LearnedOptimizer> member : members.entrySet()) {
            DataType memberType = member.getValue().dataType();
            if (type != null && memberType != type) {
                throw new IllegalArgumentException("the optimizer of group '" + member.getKey() + "' works in " + memberType
                        + ", the others in " + type);
            }
            type = memberType;
            total += member.getValue().parameters().length();
        }
        this.dataType = type;
        this.parameters = Nd4j.zeros(type, total);
        this.offsets = new long[members.size() + 1];
        this.members = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, ? extends LearnedOptimizer> member : members.entrySet()) {
            long length = member.getValue().parameters().length();
            offsets[i + 1] = offsets[i] + length;
            INDArray storage = parameters.get(NDArrayIndex.interval(offsets[i], offsets[i + 1]));
            this.members.put(member.getKey(), member.getValue().withParameters(storage));
            i++;
        }
    }

    /** The group names, in the order of their φ. */
    public List<String> groups() {
        return List.copyOf(members.keySet());
    }

    /** The optimizer of {@code group} (its φ is a view into this one's). */
    public LearnedOptimizer member(String group) {
        LearnedOptimizer member = members.get(group);
        if (member == null) {
            throw new IllegalArgumentException("no optimizer for group '" + group + "' (groups: " + groups() + ")");
        }
        return member;
    }

    @Override
    public INDArray parameters() {
        return parameters;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    /** Refused: without a layout it is not known which coordinates belong to which group. */
    @Override
    public Rollout newRollout(int coordinates, boolean record) {
        throw new IllegalArgumentException("an optimizer per parameter group " + groups()
                + " needs to know which coordinates belong to which group: pass the problem's ParameterLayout");
    }

    /**
     * @throws IllegalArgumentException if the layout has a group without an optimizer, or an
     *         optimizer's group does not occur in the layout
     */
    @Override
    public Rollout newRollout(ParameterLayout layout, boolean record) {
        List<String> present = layout.groups();
        for (String group : present) {
            if (!members.containsKey(group)) {
                throw new IllegalArgumentException("the problem has parameter groups " + present
                        + ", but there is no optimizer for '" + group + "' (optimizers for " + groups() + ")");
            }
        }
        for (String group : members.keySet()) {
            if (!present.contains(group)) {
                throw new IllegalArgumentException("there is an optimizer for parameter group '" + group
                        + "', but the problem's groups are " + present);
            }
        }
        return new GroupedRollout(this, layout, record);
    }

    /** Per-member views of a flat array laid out like φ, in group order. */
    List<INDArray> slices(INDArray flat) {
        INDArray vector = flat.reshape(flat.length());
        List<INDArray> views = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            views.add(vector.get(NDArrayIndex.interval(offsets[i], offsets[i + 1])));
        }
        return views;
    }
}
