package org.submodeluq.montecarlo;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.core.UserInputException;
import org.submodeluq.montecarlo.estimate.MeanIntervalMethod;
import org.submodeluq.montecarlo.estimate.StoppingRule;
import org.submodeluq.montecarlo.estimate.SummaryOptions;

/**
 * How a Monte Carlo campaign runs. Samples are drawn and checkpointed in batches of fixed size; the
 * stopping rule is tested only at batch boundaries, in sample order, so that where a campaign stops
 * does not depend on the thread count or on interruptions.
 *
 * @param stopping the sample count, and optionally a target relative half-width of the mean's interval
 * @param seed sample i reads stream i of this seed
 * @param batchSize samples per checkpoint record and per stopping test
 * @param threads worker threads
 * @param summary the statistics reported at the end; its thresholds are ignored
 * @param thresholds per quantity of interest, the thresholds whose exceedance probability to estimate
 */
public record CampaignSettings(StoppingRule stopping, long seed, int batchSize, int threads,
                               SummaryOptions summary, Map<String, double[]> thresholds) {

    /** Default samples per batch: small enough to lose little to a crash, large enough to amortise the log. */
    public static final int DEFAULT_BATCH = 50;

    public CampaignSettings {
        if (batchSize < 1) {
            throw new UserInputException("batch", "= " + batchSize + " is not allowed: must be >= 1");
        }
        if (threads < 1) {
            throw new UserInputException("threads", "= " + threads + " is not allowed: must be >= 1");
        }
        long fewest = summary.meanMethod() == MeanIntervalMethod.BATCH_MEANS ? 4 : 2;
        long allowed = Math.min(stopping.minSamples(), stopping.maxSamples());
        if (allowed < fewest) {
            throw new UserInputException(stopping.minSamples() < stopping.maxSamples() ? "minSamples" : "samples",
                    "= " + allowed + " is too few: the " + summary.meanMethod().text() + " interval needs at least "
                    + fewest);
        }
        // every sample's quantities stay in memory until the file is written, twice over while it is
        double bytes = 2.0 * stopping.maxSamples() * (QuantitiesOfInterest.NAMES.size() + 1) * Double.BYTES;
        UserInputException.require(bytes <= Runtime.getRuntime().maxMemory(), "samples", stopping.maxSamples(),
                String.format(Locale.ROOT, "at most %d here: its quantities need %.1f GiB, more than the "
                        + "%.1f GiB this JVM may use", (long) (Runtime.getRuntime().maxMemory() / (bytes
                        / stopping.maxSamples())), bytes / (1L << 30), Runtime.getRuntime().maxMemory()
                        / (double) (1L << 30)));
        for (String name : thresholds.keySet()) {
            if (!QuantitiesOfInterest.NAMES.contains(name)) {
                throw new UserInputException("threshold for '" + name + "', which is not a quantity of interest (known: "
                        + String.join(", ", QuantitiesOfInterest.NAMES) + ")");
            }
        }
        thresholds = Map.copyOf(thresholds);
    }

    /** A campaign of exactly {@code samples} samples with default statistics and no thresholds. */
    public static CampaignSettings of(long samples, long seed, int threads) {
        return new CampaignSettings(StoppingRule.samples(samples), seed, DEFAULT_BATCH, threads,
                SummaryOptions.defaults(), Map.of());
    }

    /** The statistics of one quantity: the common options with that quantity's thresholds. */
    SummaryOptions summaryOf(String quantity) {
        return new SummaryOptions(summary.level(), summary.meanMethod(), summary.proportionMethod(),
                summary.quantileProbabilities(), thresholds.getOrDefault(quantity, new double[0]), summary.seed());
    }

    /** Batches the campaign would run without early stopping. */
    long batchCount() {
        return (stopping.maxSamples() + batchSize - 1) / batchSize;
    }

    /** Samples in batch k (the last one may be short). */
    int samplesIn(long batch) {
        return batches().samplesIn(batch);
    }

    /** What drawing batch k needs to know, shipped to a cluster's executors. */
    Batches batches() {
        return new Batches(seed, batchSize, stopping.maxSamples());
    }

    /**
     * The campaign's batches: batch k holds samples {@code k * size ..} of {@code seed}.
     *
     * @param maxSamples the samples without early stopping; the last batch may be short
     */
    record Batches(long seed, int size, long maxSamples) implements Serializable {

        /** Samples in batch k (the last one may be short). */
        int samplesIn(long batch) {
            return (int) Math.min(size, maxSamples - batch * size);
        }
    }
}
