package org.submodeluq.surrogate.conditional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.reduction.PcaReduction;
import org.submodeluq.surrogate.regression.Folds;

/**
 * Fits a mean map and, from K fits that each leave a fold of runs out, its cross-fitted predictions of
 * every fitting run (kept with those K fold maps); the residual model is fitted on the residuals of those
 * predictions, so its spread is that of a run the map has not seen.
 */
public final class MeanMapTraining {

    /**
     * How to fit.
     *
     * @param conditioning the inputs the map reads
     * @param mapComponents principal components of the traces given a Gaussian process each
     * @param residualComponents principal components of the residual model, at most (see {@link
     *     #residualComponents}); 0 for the mean map alone
     * @param folds folds of the cross-fit (and of the ridge penalty's cross-validation)
     * @param seed seed of the folds
     * @param threads Gaussian processes fitted at once
     */
    public record Settings(Conditioning conditioning, int mapComponents, int residualComponents, int folds, long seed,
                           int threads) {

        /** Gaussian-process components by default: the peak stress lives in high-order components. */
        public static final int MAP_COMPONENTS = 80;
        /** Residual components by default: more add high-frequency noise that lifts the peaks. */
        public static final int RESIDUAL_COMPONENTS = 30;
        /** Folds by default. */
        public static final int FOLDS = 5;
    }

    /** Fitting runs per residual component, at least. */
    static final int RUNS_PER_COMPONENT = 10;

    /** The generator and the cross-fitted predictions of its fitting runs, with the fold maps that made them. */
    public record Result(MeanMapGenerator generator, CrossFitted crossFitted) {
    }

    private MeanMapTraining() {
    }

    /**
     * Fits on runs of {@code spec}.
     *
     * @param inputs each run's inputs
     * @param traces each run's traces
     * @param runs the runs' indices in their training set, recorded with the cross-fitted predictions
     */
    public static Result fit(double[][] inputs, double[][] traces, long[] runs, CaseSpec spec, int[] featureShape,
                             Settings settings, TrainingListener listener) {
        LoadStructure structure = LoadStructure.of(settings.conditioning(), spec, inputs);
        listener.note(describe(structure, settings.conditioning()));
        double[][] normalised = new double[traces.length][];
        for (int i = 0; i < traces.length; i++) {
            normalised[i] = structure.normalise(inputs[i], traces[i]);
        }
        int[] positions = Arrays.stream(settings.conditioning().positions()).filter(p -> !structure.exact(p)).toArray();
        MeanMap.Settings mapSettings = new MeanMap.Settings(settings.mapComponents(), settings.folds(), settings.seed(),
                settings.threads());
        Folds folds = Folds.of(traces.length, settings.folds(), settings.seed());
        double[][] predictions = new double[traces.length][];
        int[] foldOf = new int[traces.length];
        List<MeanMap> foldMaps = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            long start = System.nanoTime();
            int[] fitting = folds.fitting(f);
            int[] heldOut = folds.heldOut(f);
            MeanMap map = MeanMap.fit(rows(inputs, fitting), rows(normalised, fitting), positions, mapSettings);
            foldMaps.add(map);
            double[][] held = rows(inputs, heldOut);
            double[][] predicted = map.predict(held);
            for (int i = 0; i < heldOut.length; i++) {
                predictions[heldOut[i]] = structure.restore(held[i], predicted[i]);
                foldOf[heldOut[i]] = f;
            }
            listener.note(String.format(Locale.ROOT, "cross-fit %d/%d: fitted on %d runs in %.1f s, relative RMS error "
                            + "on the %d held out %.4f", f + 1, folds.count(), fitting.length,
                    (System.nanoTime() - start) * 1e-9, heldOut.length, relativeError(rows(traces, heldOut),
                            rows(predictions, heldOut))));
        }
        long start = System.nanoTime();
        MeanMap map = MeanMap.fit(inputs, normalised, positions, mapSettings);
        listener.note(String.format(Locale.ROOT, "mean map: ridge and %d Gaussian processes on %d runs in %.1f s",
                map.components(), traces.length, (System.nanoTime() - start) * 1e-9));
        PcaReduction residual = null;
        if (settings.residualComponents() > 0) {
            double[][] residuals = new double[traces.length][];
            for (int i = 0; i < traces.length; i++) {
                double[] difference = traces[i].clone();
                for (int j = 0; j < difference.length; j++) {
                    difference[j] -= predictions[i][j];
                }
                residuals[i] = structure.unitAmplitude(inputs[i], difference);
            }
            int count = residualComponents(settings.residualComponents(), traces.length);
            residual = PcaReduction.fitUnscaled(residuals, count);
            listener.note(String.format(Locale.ROOT, "residual: %d principal components of the cross-fitted residuals",
                    count));
        }
        MeanMapGenerator generator = new MeanMapGenerator(settings.conditioning(), spec, structure, map, residual,
                featureShape);
        return new Result(generator, new CrossFitted(runs.clone(), foldOf, predictions, foldMaps));
    }

    /**
     * The residual components kept: at most the count asked for, and at most one per {@value #RUNS_PER_COMPONENT}
     * fitting runs. A component estimated from fewer runs is mostly noise, and noise in the residual lifts the
     * peaks: on 60 runs, 30 components put the mean peak von Mises 16 % above the full runs'.
     */
    static int residualComponents(int asked, int runs) {
        return Math.max(1, Math.min(asked, runs / RUNS_PER_COMPONENT));
    }

    /** Root of the summed squared errors over that of the reference: the trace error of a prediction. */
    public static double relativeError(double[][] reference, double[][] predicted) {
        double error = 0;
        double norm = 0;
        for (int i = 0; i < reference.length; i++) {
            for (int j = 0; j < reference[i].length; j++) {
                double d = predicted[i][j] - reference[i][j];
                error += d * d;
                norm += reference[i][j] * reference[i][j];
            }
        }
        return Math.sqrt(error / norm);
    }

    private static String describe(LoadStructure structure, Conditioning conditioning) {
        String amplitude = structure.amplitude() ? "amplitude factored out exactly" : "amplitude not conditioned";
        String duration = structure.duration() ? String.format(Locale.ROOT,
                "duration exact through the convolution with a %.4g pulse", structure.referenceDuration())
                : conditioning.has("duration") ? "duration regressed (the case's shortest pulse spans under two "
                + "time steps, too short to divide out)" : "duration not conditioned";
        return "load structure: " + amplitude + "; " + duration;
    }

    /** The rows at these indices, shared, not copied. */
    static double[][] rows(double[][] all, int[] indices) {
        double[][] rows = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = all[indices[i]];
        }
        return rows;
    }
}
