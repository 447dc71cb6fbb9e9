package org.submodeluq.core.engine;

import java.util.List;

/**
 * Runs a campaign's samples on a cluster's executors, one task per key, and hands each record back to
 * the driver as its task finishes, where the campaign writes it to its checkpoint. Lost executors are the
 * engine's to handle (it runs their tasks again elsewhere); a sample that fails stops the campaign with
 * its own exception, the sample named, as on the local engine.
 */
public interface ClusterEngine extends AutoCloseable {

    /** Hears finished records on the driver, one at a time. */
    @FunctionalInterface
    interface RecordSink {

        /**
         * Takes the record of {@code key}.
         *
         * @return whether more records are wanted; false ends the job (a stopping rule was met)
         */
        boolean accept(long key, double[] record);
    }

    /**
     * Opens the work on one executor and returns its {@link SampleComputer#description}: the first task
     * of a campaign, so that an executor that cannot compute (no DOLFINx, say) fails in one line before
     * any sample is due, and the result file can name the code that made it.
     */
    String describe(SampleWork work);

    /**
     * Computes the record of every key and hands each to {@code sink} as it arrives, in no set order.
     *
     * @param description what {@link #describe} answered: an executor that answers otherwise fails the job
     * @throws RuntimeException the first failed sample's own exception
     */
    void run(SampleWork work, String description, List<Long> keys, RecordSink sink);

    /** Where the engine runs, for progress lines: the master URL and its executors or cores. */
    String where();

    /** Stops the engine's executors and, with them, everything their work opened. */
    @Override
    void close();
}
