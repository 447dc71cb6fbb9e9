package org.submodeluq.matformer.train;

/** Hears how training goes, for progress bars and logs. */
public interface TrainingListener {

    /** Step {@code step} (1-based) of {@code total} trained, with each granularity's training loss (NaN if not trained this step). */
    default void step(int step, int total, double[] losses) {
    }

    /** Held-out losses per granularity after {@code step} steps. */
    default void evaluated(int step, double[] heldOut) {
    }

    /** Something worth a line of its own. */
    default void note(String message) {
    }

    /** Hears nothing. */
    TrainingListener SILENT = new TrainingListener() {
    };
}
