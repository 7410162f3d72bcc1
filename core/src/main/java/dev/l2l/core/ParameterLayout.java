package dev.l2l.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which parameter group every coordinate of a (possibly stacked) problem belongs to: a sequence of
 * {@link Segment}s that tile [0, {@link #coordinates()}) in order. Stacking instances repeats their
 * groups, so the segments of one group need not be contiguous.
 */
public final class ParameterLayout {

    /**
     * Coordinates [from, to) of the stacked vector, all in group {@code group}.
     *
     * @param group the group's name
     * @param from first coordinate
     * @param to one past the last
     */
    public record Segment(String group, int from, int to) {

        /** Number of coordinates in the segment. */
        public int size() {
            return to - from;
        }
    }

    private final List<Segment> segments;
    private final int coordinates;

    private ParameterLayout(List<Segment> segments, int coordinates) {
        this.segments = Collections.unmodifiableList(segments);
        this.coordinates = coordinates;
    }

    /** A problem of {@code coordinates} coordinates, all in the group {@link ParameterGroup#ALL}. */
    public static ParameterLayout whole(int coordinates) {
        if (coordinates < 1) {
            throw new IllegalArgumentException("a layout needs at least one coordinate, got " + coordinates);
        }
        return new ParameterLayout(List.of(new Segment(ParameterGroup.ALL, 0, coordinates)), coordinates);
    }

    /**
     * The layout of {@code instances} stacked in order, each contributing its
     * {@link Optimizee#parameterGroups()} at its offset.
     *
     * @throws IllegalArgumentException if an instance's groups do not tile its coordinates in order
     */
    public static ParameterLayout stack(List<? extends Optimizee> instances) {
        List<Segment> segments = new ArrayList<>();
        int offset = 0;
        for (Optimizee instance : instances) {
            int next = 0;
            for (ParameterGroup group : instance.parameterGroups()) {
                if (group.from() != next) {
                    throw new IllegalArgumentException(instance.getClass().getName() + "'s parameter groups must cover "
                            + "its coordinates in order without gaps: group '" + group.name() + "' starts at "
                            + group.from() + ", expected " + next);
                }
                append(segments, new Segment(group.name(), offset + group.from(), offset + group.to()));
                next = group.to();
            }
            if (next != instance.dimension()) {
                throw new IllegalArgumentException(instance.getClass().getName() + "'s parameter groups end at " + next
                        + ", but it has " + instance.dimension() + " coordinates");
            }
            offset = Math.addExact(offset, instance.dimension());
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no coordinates to lay out");
        }
        return new ParameterLayout(segments, offset);
    }

    private static void append(List<Segment> segments, Segment segment) {
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).group().equals(segment.group()) && segments.get(last).to() == segment.from()) {
            segments.set(last, new Segment(segment.group(), segments.get(last).from(), segment.to()));
        } else {
            segments.add(segment);
        }
    }

    /** Total number of coordinates. */
    public int coordinates() {
        return coordinates;
    }

    /** The layout of coordinates [from, to) alone, renumbered from 0. */
    public ParameterLayout range(int from, int to) {
        if (from < 0 || to > coordinates || from >= to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not a non-empty part of 0 … "
                    + coordinates);
        }
        List<Segment> part = new ArrayList<>();
        for (Segment segment : segments) {
            int start = Math.max(from, segment.from());
            int end = Math.min(to, segment.to());
            if (start < end) {
                part.add(new Segment(segment.group(), start - from, end - from));
            }
        }
        return new ParameterLayout(part, to - from);
    }

    /** The segments, in coordinate order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The names of the groups, in order of first appearance. */
    public List<String> groups() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            names.add(segment.group());
        }
        return List.copyOf(names);
    }

    /** The segments of one group, in coordinate order. */
    public List<Segment> segmentsOf(String group) {
        return segments.stream().filter(s -> s.group().equals(group)).toList();
    }

    @Override
    public String toString() {
        return "ParameterLayout" + segments;
    }
}
