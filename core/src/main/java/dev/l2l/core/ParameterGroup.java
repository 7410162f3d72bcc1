package dev.l2l.core;

/**
 * A named, contiguous range [from, to) of an optimizee's coordinates, e.g. the {@code conv} or
 * the {@code dense} parameters of a convolutional network. A configuration can give every group
 * its own learned optimizer (see {@link dev.l2l.core.groups.GroupedOptimizer}).
 *
 * @param name the group's name, as the configuration refers to it
 * @param from first coordinate
 * @param to one past the last coordinate
 */
public record ParameterGroup(String name, int from, int to) {

    /** The name of the single group of an optimizee that declares none. */
    public static final String ALL = "all";

    public ParameterGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter group needs a name");
        }
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("parameter group '" + name + "' has the empty or negative range ["
                    + from + ", " + to + ")");
        }
    }

    /** Number of coordinates in the group. */
    public int size() {
        return to - from;
    }
}
