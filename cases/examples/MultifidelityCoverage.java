import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.montecarlo.estimate.Quantiles;
import org.submodeluq.montecarlo.multifidelity.ControlVariateEstimate;
import org.submodeluq.montecarlo.multifidelity.ControlVariateMean;
import org.submodeluq.montecarlo.multifidelity.CrossFittedSurrogates;
import org.submodeluq.montecarlo.multifidelity.ExceedanceCurve;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.montecarlo.multifidelity.PairedSample;
import org.submodeluq.surrogate.emulator.QuantityEmulator;

/**
 * A study script: do the multifidelity intervals cover? From a pool of full runs it repeats the whole
 * estimator on random sets of N runs: the emulator cross-fitted on them (the honest pairing), the
 * emulator fitted on N other runs of the pool (as good, but independent of the pairs), and a deliberately
 * poor surrogate (the emulator fitted on 30 other runs), each corrected by M cheap samples at fresh
 * inputs. The pool is the population: the fresh inputs are the pool's own, drawn with replacement, so
 * the pool's mean is exactly what the estimate is of. (With the case's distributions instead, the pool's
 * own sampling noise, sigma / sqrt(5000), is as large as the estimate's standard error and would be
 * counted as the estimate's error.) It counts how often the 95 % intervals of the mean and of
 * P(Q > t), t the pool's 90th percentile, cover the pool's own values, how much narrower the mean's
 * interval is than plain Monte Carlo's on the same N runs, and the mean and spread of the mean's z, its
 * error in its own standard errors (0 and 1 if the standard error is right).
 *
 * <pre>
 * ./submodel-uq generate --solver java --samples 5000 --seed 7 --split 0.001,0.001,0.998 --out pool.h5
 * java -cp cases/target/submodel-uq.jar cases/examples/MultifidelityCoverage.java pool.h5 [REPS] [N] [M]
 * </pre>
 *
 * REPS repetitions (default 200), N paired runs (default 300), M cheap samples (default 20000).
 */
public class MultifidelityCoverage {

    private static final double LEVEL = 0.95;
    private static final int POOR_RUNS = 30;

    public static void main(String[] args) {
        Path pool = Path.of(args[0]);
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int m = args.length > 3 ? Integer.parseInt(args[3]) : 20000;
        TrainingSetFile.Contents set = TrainingSetFile.read(pool);
        CaseSpec spec = set.spec();
        List<FullRun> runs = new ArrayList<>(set.runs().values());
        double[][] inputs = runs.stream().map(run -> run.theta().toArray()).toArray(double[][]::new);
        double[][] quantities = runs.stream().map(run -> run.quantities().toArray()).toArray(double[][]::new);
        int count = QuantitiesOfInterest.NAMES.size();
        double[] truth = new double[count];
        double[] threshold = new double[count];
        double[] exceeding = new double[count];
        for (int q = 0; q < count; q++) {
            double[] x = column(quantities, q);
            truth[q] = Arrays.stream(x).average().orElseThrow();
            threshold[q] = Quantiles.exact(x, 0.9);
            double t = threshold[q];
            exceeding[q] = (double) Arrays.stream(x).filter(v -> v > t).count() / x.length;
        }
        System.out.printf(Locale.ROOT, "pool of %d full runs of case %s; %d repetitions of %d paired runs and %d cheap "
                + "samples; nominal %.0f %%%n", runs.size(), spec.name(), repetitions, n, m, 100 * LEVEL);
        Tally crossFitted = new Tally(count);
        Tally independent = new Tally(count);
        Tally poor = new Tally(count);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2026L);
        for (int r = 0; r < repetitions; r++) {
            int[] drawn = PermutationSampler.natural(runs.size());
            PermutationSampler.shuffle(rng, drawn);
            int[] paired = Arrays.copyOf(drawn, n);
            int[] other = Arrays.copyOfRange(drawn, n, 2 * n);
            int[] few = Arrays.copyOf(other, POOR_RUNS);
            double[][] y = rows(quantities, paired);
            double[][] x = rows(inputs, paired);
            double[][] fresh = new double[m][];
            for (int j = 0; j < m; j++) {
                fresh[j] = inputs[rng.nextInt(inputs.length)];
            }
            MultifidelityReport.Surrogate emulator = CrossFittedSurrogates.emulator(x, y, 5, r, fresh);
            crossFitted.add(y, emulator.paired(), emulator.cheap(), truth, threshold, exceeding);
            QuantityEmulator elsewhere = QuantityEmulator.fit(rows(inputs, other), rows(quantities, other));
            independent.add(y, elsewhere.predict(x), elsewhere.predict(fresh), truth, threshold, exceeding);
            QuantityEmulator weak = QuantityEmulator.fit(rows(inputs, few), rows(quantities, few));
            poor.add(y, weak.predict(x), weak.predict(fresh), truth, threshold, exceeding);
        }
        crossFitted.print("emulator, cross-fitted on the paired runs");
        independent.print("emulator fitted on " + n + " other runs (independent of the pairs)");
        poor.print("emulator fitted on " + POOR_RUNS + " other runs (poor)");
    }

    /** Coverage counts and interval widths over the repetitions. */
    private static final class Tally {
        private final int[] meanCovered;
        private final int[] exceedanceCovered;
        private final double[] narrowing;
        private final double[] correlation;
        private final double[] z;
        private final double[] zSquared;
        private int repetitions;

        Tally(int count) {
            meanCovered = new int[count];
            exceedanceCovered = new int[count];
            narrowing = new double[count];
            correlation = new double[count];
            z = new double[count];
            zSquared = new double[count];
        }

        void add(double[][] y, double[][] f, double[][] g, double[] truth, double[] threshold, double[] exceeding) {
            for (int q = 0; q < truth.length; q++) {
                PairedSample sample = PairedSample.of(column(y, q), column(f, q), column(g, q));
                ControlVariateEstimate mean = ControlVariateMean.of(sample, LEVEL);
                meanCovered[q] += mean.interval().contains(truth[q]) ? 1 : 0;
                narrowing[q] += ControlVariateMean.fullRunsOnly(sample, LEVEL).interval().halfWidth()
                        / mean.interval().halfWidth();
                correlation[q] += mean.correlation();
                double error = (mean.estimate() - truth[q]) / mean.standardError();
                z[q] += error;
                zSquared[q] += error * error;
                ExceedanceCurve curve = ExceedanceCurve.of(sample, new double[] {threshold[q]}, LEVEL);
                exceedanceCovered[q] += curve.exceedanceInterval(0).contains(exceeding[q]) ? 1 : 0;
            }
            repetitions++;
        }

        void print(String surrogate) {
            System.out.println(surrogate + ":");
            System.out.println("| quantity | mean covered | z: mean, std | P(Q > q90) covered | correlation | "
                    + "narrower than plain MC |");
            System.out.println("|---|---|---|---|---|---|");
            for (int q = 0; q < meanCovered.length; q++) {
                double zMean = z[q] / repetitions;
                double zStd = Math.sqrt(zSquared[q] / repetitions - zMean * zMean);
                System.out.printf(Locale.ROOT, "| %s | %.1f %% | %+.2f, %.2f | %.1f %% | %.3f | %.2fx |%n",
                        QuantitiesOfInterest.NAMES.get(q), 100.0 * meanCovered[q] / repetitions, zMean, zStd,
                        100.0 * exceedanceCovered[q] / repetitions, correlation[q] / repetitions,
                        narrowing[q] / repetitions);
            }
        }
    }

    private static double[] column(double[][] rows, int q) {
        return Arrays.stream(rows).mapToDouble(row -> row[q]).toArray();
    }

    private static double[][] rows(double[][] all, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> all[i]).toArray(double[][]::new);
    }
}
