package org.submodeluq.cases.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    /** Figures shaped like a bench run's JSON; the summary's mesh is 80x20. */
    private static Map<String, Object> results(boolean withFenics) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", "2025-01-02T03:04:05Z");
        results.put("java", "17.0.15");
        results.put("cores", 2);
        results.put("mesh", "80x20");
        results.put("steps", 200);
        List<Map<String, Object>> monteCarlo = new ArrayList<>();
        monteCarlo.add(monteCarloRow("80x20", 2, 70.0, 28.0, withFenics));
        monteCarlo.add(monteCarloRow("80x20", 1, 40.0, 25.0, withFenics));
        monteCarlo.add(monteCarloRow("160x40", 1, 9.0, 110.0, withFenics));
        results.put("monte_carlo", monteCarlo);
        results.put("gan", List.of(Map.of("threads", 1, "iterations", 300, "iterations_per_s", 12.5),
                Map.of("threads", 2, "iterations", 300, "iterations_per_s", 19.25)));
        results.put("matformer_training", List.of(Map.of("model", "MatFormer, joint g = 4", "steps", 20,
                "tokens_per_s", 6000.4), Map.of("model", "plain Transformer, d_ff 256", "steps", 20, "tokens_per_s",
                15000.0)));
        results.put("matformer_decoding", List.of(Map.of("decoding", "KV cache", "tokens", 56, "tokens_per_s", 480.0),
                Map.of("decoding", "no cache", "tokens", 56, "tokens_per_s", 300.0)));
        results.put("matformer_speculative", List.of(speculativeRow(2, 0.9, 1.2), speculativeRow(4, 0.75, 1.5),
                speculativeRow(8, 0.5, 0.9)));
        return results;
    }

    private static Map<String, Object> monteCarloRow(String mesh, int threads, double samplesPerSecond,
                                                     double sampleMs, boolean withFenics) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mesh", mesh);
        row.put("threads", threads);
        row.put("samples", 400);
        row.put("samples_per_s", samplesPerSecond);
        row.put("sample_ms_per_thread", sampleMs);
        row.put("java_full_run_ms", mesh.equals("80x20") ? 150.0 : 900.0);
        if (withFenics) {
            row.put("fenics_full_run_ms", mesh.equals("80x20") ? 200.0 : 1200.0);
        }
        return row;
    }

    private static Map<String, Object> speculativeRow(int k, double acceptance, double speedUp) {
        return Map.of("k", k, "acceptance", acceptance, "speed_up", speedUp);
    }

    @Test
    void rowsAndRatiosComeFromTheSummaryMeshWithTheFewestThreads() {
        List<String> lines = BenchSummary.table(results(true)).lines().toList();
        assertEquals(List.of(
                "| summary: mesh 80x20, 200 steps | value |",
                "|---|---|",
                "| full run, Java solver, 1 thread | 150.0 ms |",
                "| full run, FEniCS via Py4J, 1 worker | 200.0 ms |",
                "| Monte Carlo sample, per thread (1 thread) | 25.00 ms |",
                "| full run / sample, Java | 6.0x |",
                "| full run / sample, FEniCS | 8.0x |",
                "| Monte Carlo, 1 thread | 40.0 samples/s |",
                "| Monte Carlo, 2 threads | 70.0 samples/s |",
                "| WGAN-GP training, 1 thread | 12.5 iterations/s |",
                "| WGAN-GP training, 2 threads | 19.3 iterations/s |",
                "| training, MatFormer, joint g = 4 | 6000 tokens/s |",
                "| training, plain Transformer, d_ff 256 | 15000 tokens/s |",
                "| MatFormer decoding, KV cache | 480 tokens/s |",
                "| speculative decoding, best k = 4 (acceptance 0.750) | 1.50x |"), lines);
    }

    @Test
    void missingFenicsSaysWhyAndKeepsTheJavaRatio() {
        Map<String, Object> results = results(false);
        results.put("fenics_unavailable", "python3 cannot import dolfinx | see README");
        List<String> lines = BenchSummary.table(results).lines().toList();
        assertEquals("| full run, FEniCS via Py4J, 1 worker | not available: python3 cannot import dolfinx \\| see "
                + "README |", lines.get(3));
        assertEquals("| full run / sample, Java | 6.0x |", lines.get(5));
        assertEquals("| full run / sample, FEniCS | not available: no FEniCS full run |", lines.get(6));
        assertEquals(15, lines.size());
    }

    @Test
    void theSummaryNeedsARowOfItsMesh() {
        Map<String, Object> results = results(true);
        results.put("mesh", "40x10");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchSummary.table(results));
        assertEquals("no Monte Carlo row for mesh 40x10", e.getMessage());
    }

    @Test
    void contextNamesTheMachineTheMeshAndTheCounts() {
        assertEquals("Java 17.0.15, 2 cores, 2025-01-02T03:04:05Z; mesh 80x20, 200 steps; Monte Carlo campaigns of "
                + "400 samples; WGAN-GP 300 iterations; MatFormer 20 training steps, 56 decoded tokens",
                BenchSummary.context(results(true)));
    }
}
