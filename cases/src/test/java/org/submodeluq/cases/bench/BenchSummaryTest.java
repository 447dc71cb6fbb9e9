package org.submodeluq.cases.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    /** Figures of a bench run whose summary is on {@code mesh}; FEniCS is missing when a reason is given. */
    static BenchResults results(String mesh, String fenicsUnavailable) {
        boolean withFenics = fenicsUnavailable == null;
        List<MonteCarloBench.Throughput> monteCarlo = List.of(monteCarloRow("80x20", 2, 8, 70.0, 28.0, withFenics),
                monteCarloRow("80x20", 1, 8, 40.0, 25.0, withFenics), monteCarloRow("80x20", 1, 0, 10.0, 100.0, withFenics),
                monteCarloRow("160x40", 1, 8, 9.0, 110.0, withFenics));
        MatformerFigures matformer = new MatformerFigures(
                List.of(new MatformerFigures.Training("MatFormer, joint g = 4", 20, 6000.4, 2.9),
                        new MatformerFigures.Training("plain Transformer, d_ff 256", 20, 15000.0, 7.3)),
                List.of(new MatformerFigures.Decoding("KV cache", 56, 480.0),
                        new MatformerFigures.Decoding("no cache", 56, 300.0)),
                List.of(new MatformerFigures.Pass("verifier", 1, 2.0)),
                List.of(speculative(2, 0.9, 1.2), speculative(4, 0.75, 1.5), speculative(8, 0.5, 0.9)),
                "Model: a small one.");
        return new BenchResults("2025-01-02T03:04:05Z", "17.0.15", 2, mesh, 200, fenicsUnavailable, null, null, null,
                monteCarlo, List.of(new GanBench.Speed(1, 300, 12.5, 5.0, null),
                        new GanBench.Speed(2, 300, 19.25, null, "python3-torch not importable by /usr/bin/python3")), matformer,
                null, null);
    }

    private static MonteCarloBench.Throughput monteCarloRow(String mesh, int threads, int lanes, double samplesPerSecond,
                                                            double sampleMs, boolean withFenics) {
        double javaMs = mesh.equals("80x20") ? 150.0 : 900.0;
        Double fenicsMs = !withFenics ? null : mesh.equals("80x20") ? 200.0 : 1200.0;
        return new MonteCarloBench.Throughput(mesh, threads, lanes, 400, samplesPerSecond, sampleMs, javaMs,
                javaMs / sampleMs, fenicsMs, fenicsMs == null ? null : fenicsMs / sampleMs);
    }

    private static MatformerFigures.Speculative speculative(int k, double acceptance, double speedUp) {
        return new MatformerFigures.Speculative(k, acceptance, 1.0, speedUp, speedUp, true);
    }

    @Test
    void rowsAndRatiosComeFromTheSummaryMeshWithTheFewestThreadsInLanes() {
        List<String> lines = BenchSummary.table(results("80x20", null)).lines().toList();
        assertEquals(List.of(
                "| summary: mesh 80x20, 200 steps | value |",
                "|---|---|",
                "| full run, Java solver, 1 thread | 150.0 ms |",
                "| full run, FEniCS via Py4J, 1 worker | 200.0 ms |",
                "| Monte Carlo sample, per thread (1 thread, 8 SIMD lanes) | 25.00 ms |",
                "| Monte Carlo sample one at a time, per thread (1 thread) | 100.00 ms (lanes: 4.0x faster) |",
                "| full run / sample, Java | 6.0x |",
                "| full run / sample, FEniCS | 8.0x |",
                "| Monte Carlo, 1 thread | 40.0 samples/s |",
                "| Monte Carlo, 2 threads | 70.0 samples/s |",
                "| WGAN-GP training, 1 thread | 12.5 iterations/s (PyTorch eager 5.0, DJL / PyTorch 2.50x) |",
                "| WGAN-GP training, 2 threads | 19.3 iterations/s (PyTorch skipped: python3-torch not importable by "
                        + "/usr/bin/python3) |",
                "| training, MatFormer, joint g = 4 | 6000 tokens/s |",
                "| training, plain Transformer, d_ff 256 | 15000 tokens/s |",
                "| MatFormer decoding, KV cache | 480 tokens/s |",
                "| speculative decoding, best k = 4 (acceptance 0.750) | 1.50x |"), lines);
    }

    @Test
    void missingFenicsSaysWhyAndKeepsTheJavaRatio() {
        List<String> lines = BenchSummary.table(results("80x20", "python3 cannot import dolfinx | see README")).lines()
                .toList();
        assertEquals("| full run, FEniCS via Py4J, 1 worker | not available: python3 cannot import dolfinx \\| see "
                + "README |", lines.get(3));
        assertEquals("| full run / sample, Java | 6.0x |", lines.get(6));
        assertEquals("| full run / sample, FEniCS | not available: no FEniCS full run |", lines.get(7));
        assertEquals(16, lines.size());
    }

    @Test
    void theSummaryNeedsARowOfItsMesh() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchSummary.table(results("40x10", null)));
        assertEquals("no Monte Carlo row for mesh 40x10", e.getMessage());
    }

    @Test
    void contextNamesTheMachineTheMeshAndTheCounts() {
        assertEquals("Java 17.0.15, 2 cores, 2025-01-02T03:04:05Z; mesh 80x20, 200 steps; Monte Carlo campaigns of "
                + "400 samples; WGAN-GP 300 iterations; MatFormer 20 training steps, 56 decoded tokens",
                BenchSummary.context(results("80x20", null)));
    }

    @Test
    void aBenchThatTimedNoTrainingStepsSaysZero() {
        BenchResults timed = results("80x20", null);
        MatformerFigures decodingOnly = new MatformerFigures(List.of(), timed.matformer().decoding(),
                timed.matformer().passes(), timed.matformer().speculative(), timed.matformer().model());
        BenchResults results = new BenchResults(timed.date(), timed.java(), timed.cores(), timed.mesh(), timed.steps(),
                null, null, null, null, timed.monteCarlo(), timed.gan(), decodingOnly, null, null);
        assertTrue(BenchSummary.context(results).endsWith("MatFormer 0 training steps, 56 decoded tokens"),
                BenchSummary.context(results));
    }
}
