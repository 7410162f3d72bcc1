package dev.l2l.core.train;

/** Receives meta-training progress; every method has a do-nothing default. */
public interface TrainingListener {

    /** After each meta-batch. */
    default void metaBatchDone(MetaBatchReport report) {
    }

    /**
     * After φ was scored for selection ({@link TrainingSettings#selectEvery}).
     *
     * @param completedBatches meta-batches done
     * @param score the validation score of φ now
     * @param best the best score so far, this one included
     */
    default void validated(int completedBatches, double score, double best) {
    }

    /**
     * Every {@link TrainingSettings#checkpointEvery} meta-batches and after the last: a chance to
     * save a checkpoint. The arrays in {@code progress} are live; write them out, do not keep them.
     */
    default void checkpoint(TrainingProgress progress) {
    }

    /** A listener that passes every event to each of {@code listeners}, in order. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void metaBatchDone(MetaBatchReport report) {
                for (TrainingListener listener : listeners) {
                    listener.metaBatchDone(report);
                }
            }

            @Override
            public void validated(int completedBatches, double score, double best) {
                for (TrainingListener listener : listeners) {
                    listener.validated(completedBatches, score, best);
                }
            }

            @Override
            public void checkpoint(TrainingProgress progress) {
                for (TrainingListener listener : listeners) {
                    listener.checkpoint(progress);
                }
            }
        };
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
