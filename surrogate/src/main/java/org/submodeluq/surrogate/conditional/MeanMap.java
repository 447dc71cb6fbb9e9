package org.submodeluq.surrogate.conditional;

import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.submodeluq.surrogate.reduction.PcaReduction;
import org.submodeluq.surrogate.regression.Folds;
import org.submodeluq.surrogate.regression.GaussianProcess;
import org.submodeluq.surrogate.regression.Hyperparameters;
import org.submodeluq.surrogate.regression.RidgeRegression;

/**
 * A regression from a run's inputs to its (normalised) traces: a linear ridge map for the trend, then
 * one Gaussian process per leading principal component of what the ridge leaves. The dependence on the
 * load's centre and the modulus field is smooth but far from linear (fitted length scales of 1-2 on
 * standardised inputs), which the Gaussian processes capture and polynomial ridge does not (docs/mean-map-study.md
 * measured both); the components past the leading ones come from the ridge alone.
 */
public final class MeanMap {

    /**
     * How to fit.
     *
     * @param components leading components of the ridge's residual given a Gaussian process each
     * @param folds folds of the ridge penalty's cross-validation
     * @param seed seed of those folds
     * @param threads Gaussian processes fitted at once
     */
    public record Settings(int components, int folds, long seed, int threads) {
    }

    private final InputFeatures features;
    private final RidgeRegression ridge;
    private final PcaReduction reduction;
    private final List<GaussianProcess> processes;
    private final double[][] processInputs;
    private final double[][] processOutputs;

    private MeanMap(InputFeatures features, RidgeRegression ridge, PcaReduction reduction,
                    List<GaussianProcess> processes, double[][] processInputs, double[][] processOutputs) {
        this.features = features;
        this.ridge = ridge;
        this.reduction = reduction;
        this.processes = List.copyOf(processes);
        this.processInputs = processInputs;
        this.processOutputs = processOutputs;
    }

    /**
     * Fits the map.
     *
     * @param inputs every input of each run (n x p, {@code Theta.toArray()} order)
     * @param targets each run's normalised traces
     * @param positions the inputs the map reads
     */
    public static MeanMap fit(double[][] inputs, double[][] targets, int[] positions, Settings settings) {
        InputFeatures features = InputFeatures.fit(inputs, positions);
        double[][] x = features.apply(inputs);
        RidgeRegression ridge = RidgeRegression.fitCrossValidated(x, targets, Folds.of(x.length, settings.folds(),
                settings.seed()));
        if (positions.length == 0) {
            return new MeanMap(features, ridge, null, List.of(), x, new double[0][]);
        }
        double[][] trend = ridge.predict(x);
        double[][] rest = new double[targets.length][];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = minus(targets[i], trend[i]);
        }
        PcaReduction reduction = PcaReduction.fitUnscaled(rest, Math.min(settings.components(), rest.length - 1));
        double[][] coefficients = reduction.encode(rest);
        double[][] outputs = new double[reduction.components()][];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = column(coefficients, k);
        }
        List<GaussianProcess> processes = inParallel(settings.threads(), outputs.length,
                k -> GaussianProcess.fit(x, outputs[k]));
        return new MeanMap(features, ridge, reduction, processes, x, outputs);
    }

    /** The normalised traces the map predicts for runs with these inputs. */
    public double[][] predict(double[][] inputs) {
        double[][] x = features.apply(inputs);
        double[][] trend = ridge.predict(x);
        if (reduction == null) {
            return trend;
        }
        double[][] coefficients = new double[x.length][processes.size()];
        for (int k = 0; k < processes.size(); k++) {
            double[] values = processes.get(k).predict(x);
            for (int i = 0; i < x.length; i++) {
                coefficients[i][k] = values[i];
            }
        }
        double[][] rest = reduction.decode(coefficients);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < rest[i].length; j++) {
                rest[i][j] += trend[i][j];
            }
        }
        return rest;
    }

    /** Number of components with a Gaussian process. */
    public int components() {
        return processes.size();
    }

    /** Writes the map into {@code group}; {@link #read} restores it bit for bit. */
    public void write(WritableGroup group) {
        features.write(group, "features");
        WritableGroup trend = group.putGroup("ridge");
        trend.putDataset("intercept", ridge.intercept());
        if (ridge.coefficients().length > 0) {
            trend.putDataset("coefficients", ridge.coefficients());
        }
        trend.putAttribute("alpha", ridge.alpha());
        if (reduction != null) {
            reduction.write(group.putGroup("residual_pca"));
            WritableGroup gp = group.putGroup("gaussian_processes");
            gp.putDataset("inputs", processInputs);
            gp.putDataset("outputs", processOutputs);
            double[][] hyperparameters = new double[processes.size()][];
            for (int k = 0; k < processes.size(); k++) {
                hyperparameters[k] = processes.get(k).hyperparameters().toArray();
            }
            gp.putDataset("hyperparameters", hyperparameters);
        }
    }

    /** The map {@link #write} wrote into {@code group}. */
    public static MeanMap read(Group group) {
        InputFeatures features = InputFeatures.read(group, "features");
        Group trend = (Group) group.getChild("ridge");
        RidgeRegression ridge = new RidgeRegression((double[]) trend.getDatasetByPath("intercept").getData(),
                trend.getChild("coefficients") == null ? new double[0][]
                        : (double[][]) trend.getDatasetByPath("coefficients").getData(),
                ((Number) trend.getAttribute("alpha").getData()).doubleValue());
        if (group.getChild("residual_pca") == null) {
            return new MeanMap(features, ridge, null, List.of(), new double[0][], new double[0][]);
        }
        PcaReduction reduction = PcaReduction.read((Group) group.getChild("residual_pca"));
        Group gp = (Group) group.getChild("gaussian_processes");
        double[][] x = (double[][]) gp.getDatasetByPath("inputs").getData();
        double[][] outputs = (double[][]) gp.getDatasetByPath("outputs").getData();
        double[][] hyperparameters = (double[][]) gp.getDatasetByPath("hyperparameters").getData();
        List<GaussianProcess> processes = new ArrayList<>();
        for (int k = 0; k < outputs.length; k++) {
            processes.add(GaussianProcess.of(x, outputs[k],
                    Hyperparameters.fromArray(hyperparameters[k])));
        }
        return new MeanMap(features, ridge, reduction, processes, x, outputs);
    }

    private static <T> List<T> inParallel(int threads, int count, IntFunction<T> task) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(task).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting Gaussian processes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static double[] column(double[][] rows, int k) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][k];
        }
        return values;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j] - b[j];
        }
        return c;
    }
}
