package org.submodeluq.cases.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * Where {@code run} puts each stage's output inside its directory, so the report, {@code inspect} and
 * study scripts find them without being told:
 * <pre>
 * stages.h5                       stage keys, timings and options (RunState)
 * training.h5                     the full runs (generate)
 * generators/KIND/                a trained generator (train), KIND = pca-gaussian, wgan-gp, mean-map-residual,
 *                                 mean-map (the former's map alone) or cwgan-gp
 * mc/KIND.h5                      its Monte Carlo campaign (mc)
 * comparison.h5, comparison.md    every campaign and the exact replay against the test split (compare)
 * mc/mean-map-folds.h5            a campaign of the mean map's fold maps: cheap samples for the estimate
 * estimate.h5, estimate.md        the multifidelity estimate from the mean map's fitting runs (estimate)
 * report/index.html, report.md    the report and its PNG figures
 * </pre>
 */
public record RunLayout(Path directory) {

    /** The generators a run trains, in report order; mean-map comes after mean-map-residual, whose map it reuses. */
    public static final List<GeneratorKind> GENERATORS = List.of(GeneratorKind.PCA_GAUSSIAN, GeneratorKind.WGAN_GP,
            GeneratorKind.MEAN_MAP_RESIDUAL, GeneratorKind.MEAN_MAP, GeneratorKind.CONDITIONAL_WGAN_GP);

    /** The stage record file. */
    public Path state() {
        return directory.resolve("stages.h5");
    }

    /** The training set. */
    public Path trainingSet() {
        return directory.resolve("training.h5");
    }

    /** A generator's model directory. */
    public Path generator(GeneratorKind kind) {
        return directory.resolve("generators").resolve(kind.text());
    }

    /** A generator's Monte Carlo file. */
    public Path monteCarlo(GeneratorKind kind) {
        return directory.resolve("mc").resolve(kind.text() + ".h5");
    }

    /** The comparison table in HDF5. */
    public Path comparison() {
        return directory.resolve("comparison.h5");
    }

    /** The comparison table in Markdown. */
    public Path comparisonMarkdown() {
        return directory.resolve("comparison.md");
    }

    /** The campaign of the mean map's fold maps, the submodel surrogate's cheap samples. */
    public Path crossFitCampaign() {
        return directory.resolve("mc").resolve("mean-map-folds.h5");
    }

    /** The multifidelity estimate in HDF5. */
    public Path estimate() {
        return directory.resolve("estimate.h5");
    }

    /** The multifidelity estimate in Markdown. */
    public Path estimateMarkdown() {
        return directory.resolve("estimate.md");
    }

    /** The report's directory. */
    public Path report() {
        return directory.resolve("report");
    }
}
