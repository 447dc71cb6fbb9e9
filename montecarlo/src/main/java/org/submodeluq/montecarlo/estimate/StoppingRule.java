package org.submodeluq.montecarlo.estimate;

import java.util.List;

/**
 * When a Monte Carlo campaign stops: at {@code maxSamples}, or earlier once at least {@code minSamples}
 * samples give every QoI a normal-interval half-width at {@code level} within
 * {@code targetRelativeHalfWidth} of its |mean|. A target of 0 turns the precision test off;
 * {@code minSamples} guards against stopping on a lucky early variance estimate.
 */
public record StoppingRule(long maxSamples, double targetRelativeHalfWidth, double level, long minSamples) {

    /** Rejects rules that cannot be meant. */
    public StoppingRule {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be at least 1, got " + maxSamples);
        }
        if (!(targetRelativeHalfWidth >= 0 && targetRelativeHalfWidth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("targetRelativeHalfWidth must be finite and >= 0"
                    + " (0: no precision target), got " + targetRelativeHalfWidth);
        }
        ConfidenceLevel.require(level);
        if (minSamples < 1 || minSamples > maxSamples) {
            throw new IllegalArgumentException("minSamples must be in [1, maxSamples = " + maxSamples + "], got "
                    + minSamples);
        }
    }

    /** Exactly {@code n} samples: no precision target, so {@code minSamples} is {@code n} too. */
    public static StoppingRule samples(long n) {
        return new StoppingRule(n, 0, 0.95, n);
    }

    /** Whether a precision target is set. */
    public boolean hasPrecisionTarget() {
        return targetRelativeHalfWidth > 0;
    }

    /**
     * Whether to stop with the moments of every QoI so far. The campaign's count is the smallest of
     * their counts (all QoIs normally see every sample).
     */
    public boolean shouldStop(List<RunningMoments> qois) {
        if (qois.isEmpty()) {
            throw new IllegalArgumentException("a stopping rule needs at least one quantity of interest");
        }
        long count = qois.stream().mapToLong(RunningMoments::count).min().orElseThrow();
        if (count >= maxSamples) {
            return true;
        }
        return hasPrecisionTarget() && count >= minSamples
                && qois.stream().allMatch(qoi -> qoi.relativeHalfWidth(level) <= targetRelativeHalfWidth);
    }
}
