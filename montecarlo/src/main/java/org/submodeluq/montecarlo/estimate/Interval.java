package org.submodeluq.montecarlo.estimate;

/** A closed interval [lower, upper]; NaN ends stand for an interval that could not be computed. */
public record Interval(double lower, double upper) {

    /** Rejects reversed ends, which would make {@link #halfWidth()} negative. */
    public Interval {
        if (lower > upper) {
            throw new IllegalArgumentException("interval lower end " + lower + " is above its upper end " + upper);
        }
    }

    /** The symmetric interval {@code centre ± halfWidth}. */
    public static Interval around(double centre, double halfWidth) {
        return new Interval(centre - halfWidth, centre + halfWidth);
    }

    public double halfWidth() {
        return (upper - lower) / 2;
    }

    public double centre() {
        return (lower + upper) / 2;
    }

    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
