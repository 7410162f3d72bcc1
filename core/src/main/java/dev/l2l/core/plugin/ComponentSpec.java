package dev.l2l.core.plugin;

/**
 * The configuration of a pluggable component, bound from the experiment file: a plain class with
 * public fields (their initial values are the defaults) and a public no-argument constructor. The
 * runner binds the YAML mapping under the component's {@code type:} onto it, rejecting unknown
 * keys, then calls {@link #validate()}.
 */
public interface ComponentSpec {

    /**
     * Checks the field values, throwing {@link ConfigException} naming the offending field.
     * The default accepts everything.
     */
    default void validate() {
    }
}
