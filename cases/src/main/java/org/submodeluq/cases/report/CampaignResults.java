package org.submodeluq.cases.report;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.MonteCarloFile;
import org.submodeluq.montecarlo.MonteCarloResult;
import org.submodeluq.montecarlo.estimate.ConvergenceHistory;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * One generator's Monte Carlo file as the report draws it: the samples, each quantity's estimate and
 * convergence history, and what the campaign cost.
 *
 * @param generator the generator's name ({@code pca-gaussian}, {@code wgan-gp})
 * @param samples (n, q) quantities in sample order
 * @param estimates per quantity, in {@link QuantitiesOfInterest#NAMES} order
 * @param convergence per quantity, the running mean and its half-width
 * @param secondsPerSample thread-seconds per sample: generation, submodel solve and quantities
 */
record CampaignResults(String generator, double[][] samples, List<Estimate> estimates,
                       List<ConvergenceHistory> convergence, long seed, int threads, double level,
                       double secondsPerSample, double wallSeconds, String toolVersion) {

    /** A quantity's mean with its interval, and its standard deviation, as the file's statistics hold them. */
    record Estimate(long n, double mean, Interval meanInterval, double std) {
    }

    static CampaignResults read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, MonteCarloFile.FORMAT, MonteCarloFile.VERSION, "Monte Carlo file")) {
            List<Estimate> estimates = new ArrayList<>();
            List<ConvergenceHistory> convergence = new ArrayList<>();
            for (String name : QuantitiesOfInterest.NAMES) {
                Node statistics = file.getByPath("statistics/" + name);
                estimates.add(new Estimate(number(statistics, "n").longValue(), number(statistics, "mean").doubleValue(),
                        new Interval(number(statistics, "mean_lower").doubleValue(),
                                number(statistics, "mean_upper").doubleValue()),
                        Math.sqrt(number(statistics, "variance").doubleValue())));
                String history = "convergence/" + name + "/";
                convergence.add(new ConvergenceHistory((long[]) data(file, history + "n"),
                        (double[]) data(file, history + "mean"), (double[]) data(file, history + "half_width")));
            }
            return new CampaignResults((String) file.getAttribute("generator").getData(),
                    (double[][]) data(file, "qoi"), estimates, convergence, number(file, "seed").longValue(),
                    number(file, "threads").intValue(), number(file, "level").doubleValue(),
                    number(file, "seconds_per_sample").doubleValue(), number(file, "wall_seconds").doubleValue(),
                    (String) file.getAttribute("tool_version").getData());
        }
    }

    /** Quantity q of every sample. */
    double[] column(int q) {
        return MonteCarloResult.column(samples, q);
    }

    private static Object data(HdfFile file, String path) {
        return file.getDatasetByPath(path).getData();
    }

    private static Number number(Node node, String attribute) {
        return (Number) node.getAttribute(attribute).getData();
    }
}
