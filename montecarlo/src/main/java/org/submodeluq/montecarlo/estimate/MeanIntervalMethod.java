package org.submodeluq.montecarlo.estimate;

/** How a confidence interval of a mean is computed from kept samples (see {@link MeanIntervals}). */
public enum MeanIntervalMethod {
    /** Mean ± z·SE: the central limit theorem, right for independent samples of finite variance. */
    NORMAL("normal"),
    /** Student-t on the means of consecutive batches: robust to correlation between nearby samples. */
    BATCH_MEANS("batch-means"),
    /** Percentile bootstrap: no normality assumption on the mean, for small or skewed samples. */
    BOOTSTRAP("bootstrap");

    private final String cliName;

    MeanIntervalMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /** The method named {@code name} on the command line. */
    public static MeanIntervalMethod fromCliName(String name) {
        return CliNames.find(values(), MeanIntervalMethod::cliName, name, "mean interval method");
    }
}
