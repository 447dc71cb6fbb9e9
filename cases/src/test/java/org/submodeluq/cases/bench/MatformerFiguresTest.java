package org.submodeluq.cases.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatformerFiguresTest {

    /** A map shaped as {@link MatformerBench#measure} returns it. */
    private static Map<String, Object> measured() {
        return Map.of(
                "matformer_training", List.of(Map.of("model", "MatFormer, joint g = 4", "steps", 20, "tokens_per_s",
                        6000.4, "steps_per_s", 2.93)),
                "matformer_decoding", List.of(Map.of("decoding", "KV cache", "tokens", 56, "tokens_per_s", 480.0),
                        Map.of("decoding", "no cache", "tokens", 56, "tokens_per_s", 300.0)),
                "matformer_speculative", List.of(Map.of("k", 2, "acceptance", 0.9, "speculative_s", 0.5, "greedy_s",
                        0.6, "speed_up", 1.2, "identical", true)),
                "matformer_model", "Model: a small one.");
    }

    @Test
    void readsTheMeasuredMapByItsKeys() {
        MatformerFigures figures = MatformerFigures.of(measured());
        assertEquals(new MatformerFigures(List.of(new MatformerFigures.Training("MatFormer, joint g = 4", 20, 6000.4,
                2.93)), List.of(new MatformerFigures.Decoding("KV cache", 56, 480.0),
                new MatformerFigures.Decoding("no cache", 56, 300.0)),
                List.of(new MatformerFigures.Speculative(2, 0.9, 0.5, 0.6, 1.2, true)), "Model: a small one."),
                figures);
    }

    @Test
    void tablesAreMatformerBenchsOwnOfTheSameFigures() {
        assertEquals(MatformerBench.tables(measured()), MatformerFigures.of(measured()).tables());
    }
}
