package org.submodeluq.core.engine;

/** What an executor computes samples with; safe to call from as many threads as it was opened for. */
public interface SampleComputer extends AutoCloseable {

    /** The record of sample (or batch) {@code key}, as the campaign's checkpoint stores it. */
    double[] compute(long key);

    /**
     * The code and version that compute the records, as result files record them: every executor of a
     * campaign must answer the same, or the campaign would mix, say, two DOLFINx versions in one file.
     */
    String description();

    /** Stops what {@link SampleWork#open} started (worker processes, native memory). */
    @Override
    void close();
}
