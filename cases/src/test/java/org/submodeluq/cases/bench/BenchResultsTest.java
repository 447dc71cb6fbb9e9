package org.submodeluq.cases.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultsTest {

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode written(BenchResults results, Path directory) throws Exception {
        Path file = directory.resolve("figures/bench.json");
        results.write(file);
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void everyFigureKeepsTheKeyOfEarlierBenchFiles(@TempDir Path directory) throws Exception {
        BenchResults summaryOnly = BenchSummaryTest.results("80x20", null);
        BenchResults results = new BenchResults(summaryOnly.date(), summaryOnly.java(), summaryOnly.cores(),
                summaryOnly.mesh(), summaryOnly.steps(), null,
                List.of(new SolverBench.MeshTimes(new SolverBench.JavaTimes("80x20", 200, 3402, 714, 0.1, 0.2, 0.3,
                        0.04, 0.01, 0.008, 0.03, 0.04, 16141), new SolverBench.DolfinxTimes(1, 0.2, 0.22, 1, 0.9))),
                List.of(new CampaignBench.Throughput("80x20", "java", 1, 200, 0, 18.5, 10.8)),
                new CampaignBench.Py4jOverhead("80x20", 20, 80.9, 79.3, 1.6), summaryOnly.monteCarlo(),
                summaryOnly.gan(), summaryOnly.matformer(), null, null);
        JsonNode json = written(results, directory);
        // the keys of the maps bench wrote before its figures were records (commit 3107532), less the block width,
        // plus the Monte Carlo rows' SIMD lanes
        assertAll(
                () -> assertEquals(List.of("date", "java", "cores", "mesh", "steps", "solver", "campaign",
                        "py4j_overhead", "monte_carlo", "gan", "matformer_training", "matformer_decoding",
                        "matformer_passes", "matformer_speculative", "matformer_model"), keys(json)),
                () -> assertEquals(List.of("mesh", "steps", "full_dofs", "zone_dofs", "full_run_s", "full_step_ms_min",
                        "full_step_ms", "full_setup_s", "submodel_setup_s", "submodel_run_s", "submodel_step_ms_min",
                        "submodel_step_ms", "submodel_factor_entries", "dolfinx_setup_s", "dolfinx_step_ms_min",
                        "dolfinx_step_ms", "dolfinx_over_java_per_step_min", "dolfinx_over_java_per_step"),
                        keys(json.get("solver").get(0))),
                () -> assertEquals(List.of("mesh", "solver", "workers", "samples", "startup_s", "campaign_s",
                        "samples_per_s"), keys(json.get("campaign").get(0))),
                () -> assertEquals(List.of("mesh", "calls", "round_trip_ms", "model_ms", "overhead_ms"),
                        keys(json.get("py4j_overhead"))),
                () -> assertEquals(List.of("mesh", "threads", "lanes", "samples", "samples_per_s",
                        "sample_ms_per_thread", "java_full_run_ms", "java_full_run_per_sample", "fenics_full_run_ms",
                        "fenics_full_run_per_sample"), keys(json.get("monte_carlo").get(0))),
                () -> assertEquals(List.of("threads", "iterations", "iterations_per_s", "pytorch_iterations_per_s"),
                        keys(json.get("gan").get(0))),
                () -> assertEquals(List.of("threads", "iterations", "iterations_per_s", "pytorch_skipped"),
                        keys(json.get("gan").get(1))),
                () -> assertEquals(List.of("model", "steps", "tokens_per_s", "steps_per_s"),
                        keys(json.get("matformer_training").get(0))),
                () -> assertEquals(List.of("decoding", "tokens", "tokens_per_s"),
                        keys(json.get("matformer_decoding").get(0))),
                () -> assertEquals(List.of("model", "tokens", "ms"), keys(json.get("matformer_passes").get(0))),
                () -> assertEquals(List.of("k", "acceptance", "speculative_s", "greedy_s", "speed_up", "identical"),
                        keys(json.get("matformer_speculative").get(0))),
                () -> assertEquals(16141, json.get("solver").get(0).get("submodel_factor_entries").asInt()),
                () -> assertEquals(0.9, json.get("solver").get(0).get("dolfinx_over_java_per_step").asDouble()));
    }

    @Test
    void whatWasNotMeasuredIsLeftOut(@TempDir Path directory) throws Exception {
        JsonNode json = written(BenchSummaryTest.results("80x20", "no dolfinx"), directory);
        assertAll(
                () -> assertEquals(List.of("date", "java", "cores", "mesh", "steps", "fenics_unavailable",
                        "monte_carlo", "gan", "matformer_training", "matformer_decoding", "matformer_passes",
                        "matformer_speculative", "matformer_model"), keys(json)),
                () -> assertEquals(List.of("mesh", "threads", "lanes", "samples", "samples_per_s",
                        "sample_ms_per_thread", "java_full_run_ms", "java_full_run_per_sample"),
                        keys(json.get("monte_carlo").get(0))));
    }
}
