package org.submodeluq.cases.bench;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.Map;

/**
 * {@link MatformerBench#measure}'s figures, typed. That method returns them keyed as in the JSON output;
 * they are read here once, by those keys, and written back the same way for {@link MatformerBench#tables}.
 *
 * @param model a sentence on the model
 */
public record MatformerFigures(List<Training> training, List<Decoding> decoding, List<Speculative> speculative,
                               String model) {

    /** Training throughput of one model, joint over every granularity or plain. */
    public record Training(String model, int steps, double tokensPerS, double stepsPerS) {
    }

    /** Greedy decoding of the largest granularity, with or without the KV cache. */
    public record Decoding(String decoding, int tokens, double tokensPerS) {
    }

    /** Speculative decoding with draft length {@code k}, against plain greedy decoding. */
    public record Speculative(int k, double acceptance, double speculativeS, double greedyS, double speedUp,
                              boolean identical) {
    }

    /** The prefix of {@link MatformerBench}'s keys. */
    static final String PREFIX = "matformer_";

    public MatformerFigures {
        training = List.copyOf(training);
        decoding = List.copyOf(decoding);
        speculative = List.copyOf(speculative);
    }

    /** Reads {@link MatformerBench#measure}'s map. */
    public static MatformerFigures of(Map<String, Object> figures) {
        return new MatformerFigures(rows(figures, "training", Training.class),
                rows(figures, "decoding", Decoding.class), rows(figures, "speculative", Speculative.class),
                (String) figures.get(PREFIX + "model"));
    }

    /** {@link MatformerBench#tables} of these figures. */
    public String tables() {
        return MatformerBench.tables(BenchResults.JSON.convertValue(Map.of(PREFIX + "training", training,
                PREFIX + "decoding", decoding, PREFIX + "speculative", speculative, PREFIX + "model", model),
                BenchResults.JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }

    private static <T> List<T> rows(Map<String, Object> figures, String key, Class<T> row) {
        JavaType type = BenchResults.JSON.getTypeFactory().constructCollectionType(List.class, row);
        return BenchResults.JSON.convertValue(figures.get(PREFIX + key), type);
    }
}
