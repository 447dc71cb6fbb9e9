package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.Named;

/** How a confidence interval of a mean is computed from kept samples (see {@link MeanIntervals}). */
public enum MeanIntervalMethod implements Named {
    /** Mean ± z·SE: the central limit theorem, right for independent samples of finite variance. */
    NORMAL("normal"),
    /** Student-t on the means of consecutive batches: robust to correlation between nearby samples. */
    BATCH_MEANS("batch-means"),
    /** Percentile bootstrap: no normality assumption on the mean, for small or skewed samples. */
    BOOTSTRAP("bootstrap");

    private final String text;

    MeanIntervalMethod(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
