package org.submodeluq.cases.bench;

import java.util.List;
import java.util.Locale;

/**
 * What {@link MatformerBench#measure} found: training, decoding and speculative decoding speeds, and the
 * cost of the forward passes speculative decoding is made of.
 *
 * @param model a sentence on the model
 */
public record MatformerFigures(List<Training> training, List<Decoding> decoding, List<Pass> passes,
                               List<Speculative> speculative, String model) {

    /** Training throughput of one model, joint over every granularity or plain. */
    public record Training(String model, int steps, double tokensPerS, double stepsPerS) {
    }

    /** Greedy decoding of the largest granularity, with or without the KV cache. */
    public record Decoding(String decoding, int tokens, double tokensPerS) {
    }

    /**
     * One forward pass through the KV cache: the verifier (the largest granularity) or the draft (the
     * smallest, extracted) on {@code tokens} new positions after a prefix.
     */
    public record Pass(String model, int tokens, double ms) {
    }

    /** Speculative decoding with draft length {@code k}, against plain greedy decoding. */
    public record Speculative(int k, double acceptance, double speculativeS, double greedyS, double speedUp,
                              boolean identical) {
    }

    /** The prefix of these figures' keys in the JSON output. */
    static final String PREFIX = "matformer_";

    public MatformerFigures {
        training = List.copyOf(training);
        decoding = List.copyOf(decoding);
        passes = List.copyOf(passes);
        speculative = List.copyOf(speculative);
    }

    /** The three Markdown tables, and the sentence on the model. */
    public String tables() {
        StringBuilder out = new StringBuilder("| training | steps | tokens/s | steps/s |\n|---|---|---|---|\n");
        for (Training row : training) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f |%n", row.model(), row.steps(),
                    row.tokensPerS(), row.stepsPerS()));
        }
        out.append("\n| decoding (largest granularity) | tokens | tokens/s |\n|---|---|---|\n");
        for (Decoding row : decoding) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f |%n", row.decoding(), row.tokens(),
                    row.tokensPerS()));
        }
        out.append("\n| forward pass, KV cache | new tokens | ms | over one token |\n|---|---|---|---|\n");
        for (Pass row : passes) {
            double one = passes.stream().filter(p -> p.model().equals(row.model()) && p.tokens() == 1)
                    .mapToDouble(Pass::ms).findFirst().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.2f |%n", row.model(), row.tokens(), row.ms(),
                    row.ms() / one));
        }
        out.append("\n| speculative, draft = smallest granularity | acceptance | speculative s | greedy s | speed-up "
                + "| identical to greedy |\n|---|---|---|---|---|---|\n");
        for (Speculative row : speculative) {
            out.append(String.format(Locale.ROOT, "| k = %d | %.3f | %.3f | %.3f | %.2fx | %s |%n", row.k(),
                    row.acceptance(), row.speculativeS(), row.greedyS(), row.speedUp(), row.identical()));
        }
        return out.append('\n').append(model).append('\n').toString();
    }
}
