package dev.l2l.core.plugin;

/** The kinds of pluggable component, each with the configuration interface its specs implement. */
public enum ComponentKind {
    TASK("task", TaskSpec.class),
    OPTIMIZER("optimizer", OptimizerSpec.class),
    PREPROCESSING("preprocessing", PreprocessingSpec.class),
    BASELINE("baseline", BaselineSpec.class);

    private final String label;
    private final Class<? extends ComponentSpec> specType;

    ComponentKind(String label, Class<? extends ComponentSpec> specType) {
        this.label = label;
        this.specType = specType;
    }

    /** The word used for this kind in messages ("task", "optimizer", …). */
    public String label() {
        return label;
    }

    /** The interface every spec of this kind implements. */
    public Class<? extends ComponentSpec> specType() {
        return specType;
    }
}
