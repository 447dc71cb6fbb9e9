package org.submodeluq.cases.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.io.Directories;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.solver.SimdLanes;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.montecarlo.CampaignSettings;
import org.submodeluq.montecarlo.GeneratorLabel;
import org.submodeluq.montecarlo.MonteCarloCampaign;
import org.submodeluq.montecarlo.SubmodelSampler;
import org.submodeluq.montecarlo.estimate.StoppingRule;
import org.submodeluq.montecarlo.estimate.SummaryOptions;
import org.submodeluq.surrogate.PcaGaussianGenerator;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * Monte Carlo throughput: whole campaigns (generation, submodel, quantities, checkpoint and output
 * file) per thread count, driven by a PCA-Gaussian generator fitted on a few
 * Java full runs of the same mesh, beside the cost of one Java full run, so that the ratio of a full
 * run to a Monte Carlo sample is measured in one sitting. Samples run in SIMD lanes where the JVM has
 * them ({@link SimdLanes}); one more campaign on one thread runs them one at a time, for the gain.
 * Each campaign runs {@value #CAMPAIGNS} times and the fastest counts, as does the fastest of the
 * timed full runs: on a shared machine neighbours only ever slow a run down, and the same campaign
 * was seen to take 2.6 and 4.7 ms a sample in two sittings.
 */
public final class MonteCarloBench {

    /**
     * Campaign throughput with a number of threads and SIMD lanes (0: samples one at a time), beside the
     * costs of a full run on the same mesh (FEniCS's null when not measured) and their ratios to a
     * sample's cost per thread.
     */
    public record Throughput(String mesh, int threads, int lanes, int samples, double samplesPerS,
                             double sampleMsPerThread, double javaFullRunMs, double javaFullRunPerSample,
                             Double fenicsFullRunMs, Double fenicsFullRunPerSample) {
    }

    private static final int TRAINING_RUNS = 30;
    private static final int CAMPAIGNS = 3;

    private final int samples;

    /** @param samples samples per timed campaign */
    public MonteCarloBench(int samples) {
        this.samples = samples;
    }

    /**
     * Rows for one mesh: one per thread count.
     *
     * @param fenicsMs a FEniCS full run's cost on this mesh, measured by the caller, or null
     */
    public List<Throughput> time(CaseSpec spec, List<Integer> threadCounts, Double fenicsMs) {
        ZonedMesh zoned = new ZonedMesh(spec);
        FullModel full = new FullModel(zoned);
        ThetaSampler thetas = new ThetaSampler(spec, 1);
        double[][] traces = new double[TRAINING_RUNS][];
        double[] fullSeconds = new double[TRAINING_RUNS];
        for (int i = 0; i < TRAINING_RUNS; i++) {
            long start = System.nanoTime();
            traces[i] = flat(full.run(thetas.sample(i)).traces().toArray());
            fullSeconds[i] = Timing.seconds(System.nanoTime() - start);
        }
        double fullRun = Arrays.stream(fullSeconds, TRAINING_RUNS / 2, TRAINING_RUNS).min().orElseThrow();
        int[] shape = {zoned.cutNodeCount(), 2, spec.time().steps()};
        PcaGaussianGenerator generator = new PcaGaussianGenerator(
                PcaReduction.fit(new SampleMatrix(traces, shape), PcaReduction.DEFAULT_ENERGY, 0), shape);
        Submodel submodel = new Submodel(zoned);
        SubmodelSampler sampler = new SubmodelSampler(submodel, generator);
        campaign(sampler, Math.max(2, samples / 5), 1);
        List<Throughput> rows = new ArrayList<>();
        for (int threads : threadCounts) {
            rows.add(row(spec, threads, SimdLanes.width(), fastest(sampler, threads), fullRun, fenicsMs));
        }
        if (SimdLanes.width() > 0) {
            System.setProperty(SimdLanes.SCALAR_PROPERTY, "true");
            try {
                rows.add(row(spec, 1, 0, fastest(sampler, 1), fullRun, fenicsMs));
            } finally {
                System.clearProperty(SimdLanes.SCALAR_PROPERTY);
            }
        }
        return rows;
    }

    private Throughput row(CaseSpec spec, int threads, int lanes, double seconds, double fullRun, Double fenicsMs) {
        return new Throughput(BenchPlan.meshName(spec.mesh()), threads, lanes, samples, samples / seconds,
                1e3 * seconds * threads / samples, 1e3 * fullRun, fullRun * samples / (seconds * threads),
                fenicsMs, fenicsMs == null ? null : 1e-3 * fenicsMs * samples / (seconds * threads));
    }

    private static double[] flat(double[][][] nested) {
        return Arrays.stream(nested).flatMap(Arrays::stream)
                .flatMapToDouble(Arrays::stream).toArray();
    }

    /** Wall seconds of the fastest of {@value #CAMPAIGNS} whole campaigns. */
    private double fastest(SubmodelSampler sampler, int threads) {
        double fastest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < CAMPAIGNS; k++) {
            fastest = Math.min(fastest, campaign(sampler, samples, threads));
        }
        return fastest;
    }

    /** Wall seconds of one whole campaign, written to a scratch file. */
    private static double campaign(SubmodelSampler sampler, int samples, int threads) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("submodel-uq-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CampaignSettings settings = new CampaignSettings(StoppingRule.samples(samples), 1,
                    CampaignSettings.DEFAULT_BATCH, threads, SummaryOptions.defaults(), Map.of());
            long start = System.nanoTime();
            new MonteCarloCampaign(sampler, new GeneratorLabel("pca-gaussian", "{}", "cpu"), settings,
                    scratch.resolve("mc.h5")).run(CampaignProgress.SILENT);
            return Timing.seconds(System.nanoTime() - start);
        } finally {
            try {
                Directories.deleteTree(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The Markdown table of Monte Carlo rows. */
    public static String table(List<Throughput> rows) {
        StringBuilder out = new StringBuilder("| mesh | threads | lanes | samples | samples/s | ms per sample per "
                + "thread | Java full run ms | Java full run / sample | FEniCS full run ms | FEniCS full run / sample |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Throughput row : rows) {
            out.append(String.format("| %s | %d | %s | %d | %.1f | %.2f | %.1f | %.1fx | %s | %s |%n", row.mesh(),
                    row.threads(), row.lanes() == 0 ? "one at a time" : row.lanes(), row.samples(), row.samplesPerS(), row.sampleMsPerThread(),
                    row.javaFullRunMs(), row.javaFullRunPerSample(),
                    row.fenicsFullRunMs() == null ? "n/a" : String.format("%.1f", row.fenicsFullRunMs()),
                    row.fenicsFullRunPerSample() == null ? "n/a"
                            : String.format("%.1fx", row.fenicsFullRunPerSample())));
        }
        return out.toString();
    }
}
