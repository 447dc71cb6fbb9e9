package org.submodeluq.cases.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one summary table of {@code submodel-uq bench}, built from the figures of the same run (keyed
 * as in its JSON output), so that every ratio compares numbers measured in one sitting. Full runs and
 * Monte Carlo samples come from the rows of the summary's mesh; the sample's cost is
 * that of the row with the fewest threads, per thread.
 */
public final class BenchSummary {

    private BenchSummary() {
    }

    /**
     * The Markdown table.
     *
     * @param results the run's figures: {@code mesh}, {@code steps}, {@code monte_carlo},
     *                {@code gan}, {@code matformer_training}, {@code matformer_decoding},
     *                {@code matformer_speculative}, and {@code fenics_unavailable} when FEniCS was missing
     */
    public static String table(Map<String, Object> results) {
        List<Map<String, Object>> monteCarlo = rows(results, "monte_carlo").stream()
                .filter(row -> row.get("mesh").equals(results.get("mesh")))
                .sorted(Comparator.comparingInt(row -> (int) row.get("threads"))).toList();
        if (monteCarlo.isEmpty()) {
            throw new IllegalArgumentException("no Monte Carlo row for mesh " + results.get("mesh"));
        }
        Map<String, Object> fewest = monteCarlo.get(0);
        double sampleMs = number(fewest, "sample_ms_per_thread");
        double javaMs = number(fewest, "java_full_run_ms");
        StringBuilder out = new StringBuilder(format("| summary: mesh %s, %s steps | value |\n|---|---|\n",
                results.get("mesh"), results.get("steps")));
        row(out, "full run, Java solver, 1 thread", format("%.1f ms", javaMs));
        Object fenicsMs = fewest.get("fenics_full_run_ms");
        row(out, "full run, FEniCS via Py4J, 1 worker", fenicsMs == null
                ? "not available: " + results.get("fenics_unavailable") : format("%.1f ms", fenicsMs));
        row(out, "Monte Carlo sample, per thread (" + threads(fewest) + ")",
                format("%.2f ms", sampleMs));
        row(out, "full run / sample, Java", format("%.1fx", javaMs / sampleMs));
        row(out, "full run / sample, FEniCS", fenicsMs == null ? "not available: no FEniCS full run"
                : format("%.1fx", ((Number) fenicsMs).doubleValue() / sampleMs));
        for (Map<String, Object> row : monteCarlo) {
            row(out, "Monte Carlo, " + threads(row), format("%.1f samples/s", number(row, "samples_per_s")));
        }
        for (Map<String, Object> row : rows(results, "gan")) {
            row(out, "WGAN-GP training, " + threads(row), format("%.1f iterations/s", number(row, "iterations_per_s")));
        }
        for (Map<String, Object> row : rows(results, "matformer_training")) {
            row(out, "training, " + row.get("model"), format("%.0f tokens/s", number(row, "tokens_per_s")));
        }
        for (Map<String, Object> row : rows(results, "matformer_decoding")) {
            if (row.get("decoding").equals("KV cache")) {
                row(out, "MatFormer decoding, KV cache", format("%.0f tokens/s", number(row, "tokens_per_s")));
            }
        }
        Map<String, Object> best = rows(results, "matformer_speculative").stream()
                .max(Comparator.comparingDouble(row -> number(row, "speed_up"))).orElseThrow();
        row(out, format("speculative decoding, best k = %d (acceptance %.3f)", best.get("k"), best.get("acceptance")),
                format("%.2fx", number(best, "speed_up")));
        return out.toString();
    }

    /** One line of context: where and when the figures were measured, and how many samples stand behind them. */
    public static String context(Map<String, Object> results) {
        Map<String, Object> monteCarlo = rows(results, "monte_carlo").get(0);
        Map<String, Object> gan = rows(results, "gan").get(0);
        Map<String, Object> training = rows(results, "matformer_training").get(0);
        Map<String, Object> decoding = rows(results, "matformer_decoding").get(0);
        return format("Java %s, %s cores, %s; mesh %s, %s steps; Monte Carlo campaigns of %s samples; WGAN-GP %s "
                + "iterations; MatFormer %s training steps, %s decoded tokens", results.get("java"), results.get("cores"),
                results.get("date"), results.get("mesh"), results.get("steps"), monteCarlo.get("samples"),
                gan.get("iterations"), training.get("steps"), decoding.get("tokens"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> results, String key) {
        Object rows = results.get(key);
        if (rows == null) {
            throw new IllegalArgumentException("the results have no '" + key + "' rows");
        }
        return (List<Map<String, Object>>) rows;
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    private static String threads(Map<String, Object> row) {
        int threads = (int) row.get("threads");
        return threads + (threads == 1 ? " thread" : " threads");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** A table row; a '|' inside the text (an error message, say) is escaped so the table keeps its columns. */
    private static void row(StringBuilder out, String figure, String value) {
        out.append("| ").append(figure.replace("|", "\\|")).append(" | ").append(value.replace("|", "\\|"))
                .append(" |\n");
    }
}
