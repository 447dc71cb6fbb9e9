package org.submodeluq.cases.pipeline;

import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.surrogate.gan.TrainingListener;

/** How a long stage shows its progress: counted work, and lines of their own. */
public interface StageProgress {

    /** Reports {@code done} of {@code total}, with {@code details} after the rate ("" for none). */
    void update(long done, long total, String details);

    /** A line of its own. */
    void note(String message);

    /** The counted work starts at {@code done}: a rate counts from here. */
    default void begin(long done) {
    }

    /** This display as a training-set or Monte Carlo campaign's listener. */
    default CampaignProgress asCampaign() {
        return new CampaignProgress() {
            @Override
            public void started(long resumed, long total) {
                begin(resumed);
            }

            @Override
            public void sampleDone(long done, long total) {
                update(done, total, "");
            }

            @Override
            public void note(String message) {
                StageProgress.this.note(message);
            }
        };
    }

    /** This display as a WGAN-GP training listener: iterations, losses and the best validation score so far. */
    default TrainingListener asTraining() {
        return new TrainingListener() {
            private double best = Double.NaN;

            @Override
            public void iteration(int iteration, int total, double criticLoss, double wasserstein) {
                update(iteration, total, String.format("critic loss %.4g, W %.4g, best validation energy %.4g",
                        criticLoss, wasserstein, best));
            }

            @Override
            public void validated(int iteration, double energyDistance, boolean isBest) {
                if (isBest) {
                    best = energyDistance;
                }
            }

            @Override
            public void note(String message) {
                StageProgress.this.note(message);
            }
        };
    }

    /** Shows nothing. */
    StageProgress SILENT = new StageProgress() {
        @Override
        public void update(long done, long total, String details) {
        }

        @Override
        public void note(String message) {
        }
    };
}
