package dev.l2l.core.train;

/** Receives meta-training progress; every method has a do-nothing default. */
public interface TrainingListener {

    /** After each meta-batch. */
    default void metaBatchDone(MetaBatchReport report) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
