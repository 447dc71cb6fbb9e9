package org.submodeluq.surrogate.gan;

/** Hears how WGAN-GP training goes, for progress bars and logs; each method does nothing unless overridden. */
public interface TrainingListener {

    /** After each generator update: the last critic loss and Wasserstein estimate E[D(real)] - E[D(fake)]. */
    default void iteration(int iteration, int total, double criticLoss, double wasserstein) {
    }

    /** After each validation: the energy distance of the averaged generator, and whether it is the best yet. */
    default void validated(int iteration, double energyDistance, boolean best) {
    }

    /** Something worth a line of its own. */
    default void note(String message) {
    }

    /** Hears nothing. */
    TrainingListener SILENT = new TrainingListener() {
    };
}
