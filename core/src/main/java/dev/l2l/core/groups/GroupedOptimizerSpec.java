package dev.l2l.core.groups;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of a {@link GroupedOptimizer}: a learned optimizer for each parameter group, by the
 * group's name. An experiment file writes it as {@code optimizers: {conv: {type: lstm, …}, dense:
 * {…}}}; a saved optimizer records it as {@code type: groups}.
 */
public final class GroupedOptimizerSpec implements OptimizerSpec {

    /** The optimizer of each group, in order (φ is laid out in this order). */
    public Map<String, OptimizerSpec> groups = new LinkedHashMap<>();

    public GroupedOptimizerSpec() {
    }

    public GroupedOptimizerSpec(Map<String, OptimizerSpec> groups) {
        this.groups = new LinkedHashMap<>(groups);
    }

    @Override
    public void validate() {
        if (groups == null || groups.isEmpty()) {
            throw new ConfigException("groups", "must name at least one parameter group and its optimizer, "
                    + "e.g. {conv: {type: lstm}, dense: {type: lstm}}");
        }
        for (Map.Entry<String, OptimizerSpec> group : groups.entrySet()) {
            if (group.getKey() == null || group.getKey().isBlank()) {
                throw new ConfigException("groups", "a parameter group needs a name");
            }
            if (group.getValue() instanceof GroupedOptimizerSpec) {
                throw new ConfigException("groups." + group.getKey(), "cannot itself be split into groups");
            }
            ConfigException.validateNested("groups." + group.getKey(), group.getValue());
        }
    }

    /** Each group's φ is drawn from its own seed, derived from {@code seed} and its position. */
    @Override
    public LearnedOptimizer create(DataType dataType, long seed) {
        Map<String, LearnedOptimizer> members = new LinkedHashMap<>();
        long index = 0;
        for (Map.Entry<String, OptimizerSpec> group : groups.entrySet()) {
            members.put(group.getKey(), group.getValue().create(dataType, seed + 0x9E3779B97F4A7C15L * index++));
        }
        return new GroupedOptimizer(members);
    }
}
