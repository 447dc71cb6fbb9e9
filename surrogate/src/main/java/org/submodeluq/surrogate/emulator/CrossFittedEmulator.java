package org.submodeluq.surrogate.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.surrogate.regression.Folds;

/**
 * K {@link QuantityEmulator}s, fold k's fitted on the runs the other folds hold out, for a multifidelity
 * estimate that corrects cheap samples with full runs. Each full run is paired with the prediction of
 * the fold that held it out, so the pair's difference is that of a run the emulator has not seen; the
 * cheap samples come from the same fold emulators, sample j from fold j mod K, because an emulator
 * fitted on all runs has another mean. The estimator reweights the folds to their pairs' proportions
 * n_k / n ({@link #foldSizes()}).
 */
public final class CrossFittedEmulator {

    private final Folds folds;
    private final List<QuantityEmulator> emulators;
    private final int[] foldOfRun;
    private final double[][] predictions;

    private CrossFittedEmulator(Folds folds, List<QuantityEmulator> emulators, int[] foldOfRun,
                                double[][] predictions) {
        this.folds = folds;
        this.emulators = List.copyOf(emulators);
        this.foldOfRun = foldOfRun;
        this.predictions = predictions;
    }

    /**
     * Fits the fold emulators and predicts each run from the one that held it out.
     *
     * @param inputs each run's inputs, as {@link QuantityEmulator#fit}
     * @param quantities each run's quantities, as {@link QuantityEmulator#fit}
     * @param count K
     * @param seed seed of the folds ({@link Folds#of})
     */
    public static CrossFittedEmulator fit(double[][] inputs, double[][] quantities, int count, long seed) {
        Folds folds = Folds.of(inputs.length, count, seed);
        List<QuantityEmulator> emulators = new ArrayList<>();
        int[] foldOfRun = new int[inputs.length];
        double[][] predictions = new double[inputs.length][];
        for (int k = 0; k < count; k++) {
            int[] fitting = folds.fitting(k);
            int[] heldOut = folds.heldOut(k);
            QuantityEmulator emulator = QuantityEmulator.fit(rows(inputs, fitting), rows(quantities, fitting));
            double[][] predicted = emulator.predict(rows(inputs, heldOut));
            for (int i = 0; i < heldOut.length; i++) {
                predictions[heldOut[i]] = predicted[i];
                foldOfRun[heldOut[i]] = k;
            }
            emulators.add(emulator);
        }
        return new CrossFittedEmulator(folds, emulators, foldOfRun, predictions);
    }

    /** Each fitting run's quantities, n x 3, predicted by the fold emulator that held it out. */
    public double[][] predictions() {
        double[][] copy = new double[predictions.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = predictions[i].clone();
        }
        return copy;
    }

    /**
     * The quantities of cheap samples {@code first .. first + m - 1} at fresh inputs: sample j by fold
     * emulator {@link #foldOfSample}(j).
     */
    public double[][] predictFresh(double[][] inputs, long first) {
        double[][] predicted = new double[inputs.length][];
        for (int j = 0; j < inputs.length; j++) {
            predicted[j] = emulators.get(foldOfSample(first + j)).predict(new double[][] {inputs[j]})[0];
        }
        return predicted;
    }

    /** The fold whose emulator predicts cheap sample {@code sample}: sample mod K. */
    public int foldOfSample(long sample) {
        return (int) Math.floorMod(sample, (long) emulators.size());
    }

    /** The fold that held fitting run {@code run} out. */
    public int foldOfRun(int run) {
        return foldOfRun[run];
    }

    /** n_k: the runs fold k holds out, at k. */
    public int[] foldSizes() {
        int[] sizes = new int[folds.count()];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = folds.heldOut(k).length;
        }
        return sizes;
    }

    /** The split of the fitting runs. */
    public Folds folds() {
        return folds;
    }

    /** Fold k's emulator, fitted on {@code folds().fitting(k)}. */
    public QuantityEmulator foldEmulator(int k) {
        return emulators.get(k);
    }

    private static double[][] rows(double[][] all, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> all[i]).toArray(double[][]::new);
    }
}
