package org.submodeluq.montecarlo;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.montecarlo.estimate.ConvergenceHistory;
import org.submodeluq.montecarlo.estimate.Exceedance;
import org.submodeluq.montecarlo.estimate.QoiSummary;

/**
 * A Monte Carlo result in HDF5 ({@code format = submodel-uq/monte-carlo}, version 1). Layout:
 * <pre>
 * /                      attributes: format, format_version, tool, tool_version, case_name, case_yaml,
 *                        generator, generator_manifest, generator_device, seed, campaign, samples, max_samples,
 *                        target_relative_half_width, stop_reason, batch_size, threads, level,
 *                        mean_interval, proportion_interval, seconds_per_sample, wall_seconds
 * /qoi                   (n, q)  quantities of interest in sample order; attribute names
 * /statistics/NAME       attributes n, mean, variance, standard_error, mean_lower, mean_upper;
 *                        datasets quantile_probabilities, quantiles and, with thresholds,
 *                        exceedance_thresholds, exceedance_counts, exceedance_probabilities,
 *                        exceedance_lower, exceedance_upper
 * /convergence/NAME      datasets n, mean, half_width
 * </pre>
 */
public final class MonteCarloFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/monte-carlo";
    /** Current layout version. */
    public static final int VERSION = 1;

    private MonteCarloFile() {
    }

    /**
     * What a Monte Carlo file holds that other commands read back.
     *
     * @param generatorManifest the manifest of the generator that drew the samples, as recorded
     * @param secondsPerSample thread-seconds per sample, generator and submodel together
     */
    public record Contents(CaseSpec spec, String generator, String generatorManifest, double secondsPerSample,
                           double[][] samples) {

        /** Quantity q of every sample. */
        public double[] column(int q) {
            return MonteCarloResult.column(samples, q);
        }
    }

    /** @param campaign the identity of the campaign, less its sample count: what a rerun must match to keep the file */
    static void write(Path path, CaseSpec spec, GeneratorLabel generator, CampaignSettings settings, String campaign,
                      MonteCarloResult result) {
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("case_name", spec.name());
            file.putAttribute("case_yaml", CaseFiles.toYaml(spec));
            file.putAttribute("generator", generator.name());
            file.putAttribute("generator_manifest", generator.manifest());
            file.putAttribute("generator_device", generator.device());
            file.putAttribute("seed", settings.seed());
            file.putAttribute("campaign", campaign);
            file.putAttribute("samples", (long) result.samples().length);
            file.putAttribute("max_samples", settings.stopping().maxSamples());
            file.putAttribute("target_relative_half_width", settings.stopping().targetRelativeHalfWidth());
            file.putAttribute("stop_reason", result.stopReason());
            file.putAttribute("batch_size", settings.batchSize());
            file.putAttribute("threads", settings.threads());
            file.putAttribute("level", settings.summary().level());
            file.putAttribute("mean_interval", settings.summary().meanMethod().text());
            file.putAttribute("proportion_interval", settings.summary().proportionMethod().text());
            file.putAttribute("seconds_per_sample", result.secondsPerSample());
            file.putAttribute("wall_seconds", result.wallSeconds());
            file.putDataset("qoi", result.samples()).putAttribute("names",
                    QuantitiesOfInterest.NAMES.toArray(new String[0]));
            WritableGroup statistics = file.putGroup("statistics");
            for (QoiSummary summary : result.summaries()) {
                writeSummary(statistics.putGroup(summary.name()), summary);
            }
            WritableGroup convergence = file.putGroup("convergence");
            for (int q = 0; q < result.convergence().size(); q++) {
                ConvergenceHistory history = result.convergence().get(q);
                WritableGroup group = convergence.putGroup(QuantitiesOfInterest.NAMES.get(q));
                group.putDataset("n", history.n());
                group.putDataset("mean", history.mean());
                group.putDataset("half_width", history.halfWidth());
            }
        });
    }

    private static void writeSummary(WritableGroup group, QoiSummary summary) {
        group.putAttribute("n", summary.n());
        group.putAttribute("mean", summary.mean());
        group.putAttribute("variance", summary.variance());
        group.putAttribute("standard_error", summary.standardError());
        group.putAttribute("mean_lower", summary.meanInterval().lower());
        group.putAttribute("mean_upper", summary.meanInterval().upper());
        group.putDataset("quantile_probabilities", summary.quantileProbabilities());
        group.putDataset("quantiles", summary.quantiles());
        List<Exceedance> exceedances = summary.exceedances();
        if (!exceedances.isEmpty()) {
            group.putDataset("exceedance_thresholds", exceedances.stream().mapToDouble(Exceedance::threshold).toArray());
            group.putDataset("exceedance_counts", exceedances.stream().mapToLong(Exceedance::count).toArray());
            group.putDataset("exceedance_probabilities",
                    exceedances.stream().mapToDouble(Exceedance::probability).toArray());
            group.putDataset("exceedance_lower", exceedances.stream().mapToDouble(e -> e.interval().lower()).toArray());
            group.putDataset("exceedance_upper", exceedances.stream().mapToDouble(e -> e.interval().upper()).toArray());
        }
    }

    /**
     * Reads the samples of a Monte Carlo file.
     *
     * @throws UserInputException when the file is missing or is not a Monte Carlo file of this version
     */
    public static Contents read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "Monte Carlo file")) {
            return new Contents(CaseFiles.recordedIn(file, path), (String) file.getAttribute("generator").getData(),
                    (String) file.getAttribute("generator_manifest").getData(),
                    ((Number) file.getAttribute("seconds_per_sample").getData()).doubleValue(),
                    (double[][]) file.getDatasetByPath("qoi").getData());
        }
    }
}
