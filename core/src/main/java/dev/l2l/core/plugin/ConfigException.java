package dev.l2l.core.plugin;

/**
 * A configuration value that is not acceptable. {@link #field()} is the dotted path of the field
 * relative to where the exception was raised; {@link #under} prefixes it as the exception travels
 * up through enclosing configurations, so the user sees the full path.
 */
public final class ConfigException extends RuntimeException {

    private final String field;
    private final String problem;

    public ConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** Dotted path of the offending field, e.g. {@code training.unroll}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, and what was expected. */
    public String problem() {
        return problem;
    }

    /** The same problem, with the field path prefixed by {@code parent}. */
    public ConfigException under(String parent) {
        return new ConfigException(parent + "." + field, problem);
    }

    /** Throws unless {@code value} is positive. */
    public static void requirePositive(String field, double value) {
        if (!(value > 0)) {
            throw new ConfigException(field, "must be positive, got " + format(value));
        }
    }

    /** Throws unless {@code value} is zero or positive. */
    public static void requireNonNegative(String field, double value) {
        if (!(value >= 0)) {
            throw new ConfigException(field, "must be zero or positive, got " + format(value));
        }
    }

    /** Throws unless {@code low ≤ value ≤ high}. */
    public static void requireInRange(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new ConfigException(field, "must be between " + format(low) + " and " + format(high)
                    + ", got " + format(value));
        }
    }

    /** Validates a nested configuration, prefixing the path of any problem with {@code field}. */
    public static void validateNested(String field, ComponentSpec nested) {
        if (nested == null) {
            throw new ConfigException(field, "is required");
        }
        try {
            nested.validate();
        } catch (ConfigException e) {
            throw e.under(field);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
