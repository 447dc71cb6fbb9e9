package org.submodeluq.matformer.sweep;

/**
 * A mean over held-out windows with its standard error, s / sqrt(n) from the sample standard deviation
 * s of the n window values. Windows of one text are not independent (neighbours share a topic), so the
 * error is a floor rather than an exact interval; it is what decides whether a difference of a few
 * thousandths of a nat means anything.
 */
public record Estimate(double mean, double standardError) {

    /**
     * The mean of {@code values} and its standard error; the error is NaN for fewer than two values.
     *
     * @throws IllegalArgumentException for no values
     */
    public static Estimate of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to average");
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Estimate(mean, Math.sqrt(squares / (values.length - 1) / values.length));
    }

    /** The mean, and the error, over {@code denominator}: a relative difference when it is a loss. */
    public Estimate relativeTo(double denominator) {
        return new Estimate(mean / denominator, standardError / denominator);
    }

    /** Whether the mean exceeds 0 by no more than {@code errors} standard errors. */
    public boolean atMostZeroWithin(double errors) {
        return mean <= errors * standardError;
    }
}
