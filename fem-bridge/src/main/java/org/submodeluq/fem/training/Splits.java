package org.submodeluq.fem.training;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.core.UserInputException;

/**
 * A seeded partition of sample indices into train, validation and test sets (each sorted). The
 * shuffle reads its own stream, keyed by the campaign seed plus a constant, so it never shares draws
 * with the samples.
 *
 * @param train indices that generators learn from
 * @param validation indices for model selection
 * @param test held-out indices the Monte Carlo results are compared with
 */
public record Splits(long[] train, long[] validation, long[] test) {

    /** Added to the campaign seed to key the shuffle's stream: 2^64 / golden ratio. */
    private static final long SPLIT_KEY = 0x9E3779B97F4A7C15L;

    /**
     * @param fractions train, validation and test shares, positive, summing to 1
     */
    public static Splits of(int samples, double[] fractions, long seed) {
        if (fractions.length != 3 || Arrays.stream(fractions).anyMatch(f -> !(f > 0))
                || Math.abs(Arrays.stream(fractions).sum() - 1) > 1e-9) {
            throw new UserInputException("split", "= " + Arrays.toString(fractions) + " is not allowed: needs three "
                    + "positive shares (train, validation, test) summing to 1");
        }
        if (samples < 3) {
            throw new UserInputException("samples", "= " + samples + " is not allowed: a training set needs at least 3 "
                    + "samples, one per split");
        }
        int validation = Math.max(1, (int) Math.round(fractions[1] * samples));
        int test = Math.max(1, (int) Math.round(fractions[2] * samples));
        int train = samples - validation - test;
        if (train < 1) {
            throw new UserInputException("samples", "= " + samples + " leaves no training sample with shares "
                    + Arrays.toString(fractions));
        }
        int[] order = PermutationSampler.natural(samples);
        UniformRandomProvider rng = KeyedStreams.stream(seed + SPLIT_KEY, 0);
        PermutationSampler.shuffle(rng, order);
        return new Splits(sorted(order, 0, train), sorted(order, train, train + validation),
                sorted(order, train + validation, samples));
    }

    private static long[] sorted(int[] order, int from, int to) {
        return Arrays.stream(order, from, to).sorted().asLongStream().toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Splits s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Splits[train " + train.length + ", validation " + validation.length + ", test " + test.length + "]";
    }
}
