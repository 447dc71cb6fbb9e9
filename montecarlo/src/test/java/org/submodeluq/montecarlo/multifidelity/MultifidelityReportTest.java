package org.submodeluq.montecarlo.multifidelity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultifidelityReportTest {

    private static final List<String> NAMES = List.of("a", "b");

    /** Two quantities: q0 = z, q1 = exp(z / 2); the surrogate sees them through noise of its own. */
    private static double[][] quantities(UniformRandomProvider rng, int n, double noise) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double z = gaussian(rng);
            double e = noise * gaussian(rng);
            rows[i] = new double[] {z + e, Math.exp(z / 2) + e};
        }
        return rows;
    }

    private static double gaussian(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** 50 full runs, the surrogate at their inputs with noise 0.3, 400 cheap samples, 1000 held-out runs. */
    private record Toy(double[][] full, double[][] paired, double[][] cheap, double[][] reference) {

        static Toy make() {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
            double[][] full = quantities(rng, 50, 0);
            double[][] paired = new double[full.length][];
            for (int i = 0; i < full.length; i++) {
                paired[i] = new double[] {full[i][0] + 0.3 * gaussian(rng), full[i][1] + 0.3 * gaussian(rng)};
            }
            return new Toy(full, paired, quantities(rng, 400, 0.3), quantities(rng, 1000, 0));
        }

        MultifidelityReport report(boolean withReference) {
            return MultifidelityReport.estimate("toy", NAMES, full, List.of(new MultifidelityReport.Surrogate("s",
                    paired, cheap)), withReference ? reference : null,
                    new MultifidelityReport.Costs(10, new double[] {0.1}), 0.95);
        }
    }

    private static double[] column(double[][] rows, int q) {
        return Arrays.stream(rows).mapToDouble(row -> row[q]).toArray();
    }

    @Test
    void eachQuantityIsTheControlVariateOfItsOwnColumns() {
        Toy toy = Toy.make();
        MultifidelityReport report = toy.report(false);
        for (int q = 0; q < 2; q++) {
            ControlVariateEstimate expected = ControlVariateMean.of(PairedSample.of(column(toy.full(), q),
                    column(toy.paired(), q), column(toy.cheap(), q)));
            QuantityEstimate got = report.quantities().get(q);
            assertEquals(expected.estimate(), got.mean().estimate(), 0);
            assertEquals(expected.standardError(), got.mean().standardError(), 0);
            assertEquals(NAMES.get(q), got.quantity());
        }
        assertNull(report.reference());
    }

    @Test
    void theSpeedUpWeighsTheVarianceReductionByWhatTheCheapSamplesCost() {
        MultifidelityReport report = Toy.make().report(false);
        QuantityEstimate a = report.quantities().get(0);
        // 50 full runs of 10 s and 400 samples of 0.1 s: 540 s spent where plain MC spent 500 s for 1/VR the precision
        assertEquals(a.mean().varianceReduction() * 500 / 540, report.costs().speedUp(a), 1e-12);
        assertTrue(report.markdown().contains(String.format(Locale.ROOT, "%.1fx more precise",
                a.mean().varianceReduction() * 500 / 540)), report.markdown());
    }

    @Test
    void zMeasuresTheDistanceFromTheHeldOutMeanInBothNoises() {
        MultifidelityReport report = Toy.make().report(true);
        MultifidelityReport.Reference reference = report.reference();
        for (int q = 0; q < 2; q++) {
            List<List<String>> rows = report.rows(q);
            QuantityEstimate estimate = report.quantities().get(q);
            double z = (estimate.mean().estimate() - reference.means()[q])
                    / Math.sqrt(Math.pow(estimate.mean().standardError(), 2) + Math.pow(reference.standardErrors()[q], 2));
            assertEquals(z, Double.parseDouble(rows.get(0).get(5)), 0.005, "multifidelity row of " + NAMES.get(q));
            assertEquals("reference (held-out full runs)", rows.get(rows.size() - 1).get(0));
        }
        // the reference of q0 = z over 1000 runs: mean near 0 within a few of its standard errors
        assertTrue(Math.abs(reference.means()[0]) < 4 * reference.standardErrors()[0], "reference mean");
    }

    @Test
    void theFileGivesBackTheSameTables(@TempDir Path directory) {
        MultifidelityReport report = Toy.make().report(true);
        Path file = directory.resolve("estimate.h5");
        MultifidelityFile.write(file, report);
        MultifidelityReport back = MultifidelityFile.read(file, NAMES);
        assertAll(() -> assertEquals(report.markdown(), back.markdown()),
                () -> assertArrayEquals(report.quantities().get(1).mean().weights(),
                        back.quantities().get(1).mean().weights()),
                () -> assertEquals(report.costs().fullRun(), back.costs().fullRun()));
    }
}
