package org.submodeluq.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.estimate.RunningMoments;

/**
 * Applies the stopping rule to finished batches in sample order, whatever order they finish in: a
 * batch is held until all batches before it have been seen. Where the campaign stops is therefore a
 * function of the samples alone, not of threads or interruptions.
 */
final class SequentialStop {

    private final CampaignSettings settings;
    private final List<RunningMoments> moments = new ArrayList<>();
    private final SortedMap<Long, double[]> waiting = new TreeMap<>();
    private long nextBatch;
    private long samples;
    private boolean stopped;
    private boolean precisionReached;

    SequentialStop(CampaignSettings settings) {
        this.settings = settings;
        for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
            moments.add(new RunningMoments());
        }
    }

    /** Hears that batch k finished, with its packed quantities ({@link BatchRecord}). */
    synchronized void offer(long batch, double[] record) {
        if (stopped || batch < nextBatch) {
            return;
        }
        waiting.put(batch, record);
        while (!stopped && waiting.containsKey(nextBatch)) {
            double[][] rows = BatchRecord.quantities(waiting.remove(nextBatch));
            for (double[] row : rows) {
                for (int q = 0; q < row.length; q++) {
                    moments.get(q).add(row[q]);
                }
            }
            samples += rows.length;
            nextBatch++;
            if (settings.stopping().shouldStop(moments)) {
                stopped = true;
                precisionReached = samples < settings.stopping().maxSamples();
            }
        }
    }

    /** Whether the campaign has all the samples it needs. */
    synchronized boolean stopped() {
        return stopped;
    }

    /** Samples the campaign keeps: all of them up to the batch where it stopped. */
    synchronized long samples() {
        return samples;
    }

    /** Why the campaign stopped, in words. */
    synchronized String reason() {
        return precisionReached
                ? String.format("every mean's %.0f %% interval within %.3g of it", 100 * settings.stopping().level(),
                        settings.stopping().targetRelativeHalfWidth())
                : "sample count reached";
    }
}
