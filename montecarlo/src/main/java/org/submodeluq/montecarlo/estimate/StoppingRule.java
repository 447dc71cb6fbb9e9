package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.UserInputException;
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
            throw new UserInputException("samples", "= " + maxSamples + " is not allowed: must be >= 1");
        }
        if (!(targetRelativeHalfWidth >= 0 && targetRelativeHalfWidth < Double.POSITIVE_INFINITY)) {
            throw new UserInputException("target", "= " + targetRelativeHalfWidth + " is not allowed: must be a finite "
                    + "number >= 0 (0: no precision target)");
        }
        ConfidenceLevel.require(level);
        if (minSamples < 1 || minSamples > maxSamples) {
            throw new UserInputException("minSamples", "= " + minSamples + " is not allowed: must be in [1, samples = "
                    + maxSamples + "]");
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
