package org.submodeluq.core.progress;

/** Hears how a campaign goes, for progress bars and logs. Called from the campaign's worker threads. */
public interface CampaignProgress {

    /**
     * The work starts, {@code resumed} of {@code total} samples being already done (from a checkpoint), so
     * that a rate counts only the samples computed from here on, as the campaign's own summary does.
     */
    default void started(long resumed, long total) {
    }

    /** A sample finished; {@code done} counts those from earlier runs of the campaign too. */
    void sampleDone(long done, long total);

    /** Something worth a line of its own (resumed samples, a worker replaced). */
    void note(String message);

    /** Hears nothing. */
    CampaignProgress SILENT = new CampaignProgress() {
        @Override
        public void sampleDone(long done, long total) {
        }

        @Override
        public void note(String message) {
        }
    };
}
