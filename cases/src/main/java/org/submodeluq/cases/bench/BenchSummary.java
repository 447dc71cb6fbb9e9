package org.submodeluq.cases.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.submodeluq.cases.Counts;

/**
 * The one summary table of {@code submodel-uq bench}, built from the figures of the same run, so that
 * every ratio compares numbers measured in one sitting. Full runs and Monte Carlo samples come from the
 * rows of the summary's mesh; the sample's cost is that of the row with the fewest threads, per thread.
 */
public final class BenchSummary {

    private BenchSummary() {
    }

    /** The Markdown table. */
    public static String table(BenchResults results) {
        List<MonteCarloBench.Throughput> onMesh = results.monteCarlo().stream()
                .filter(row -> row.mesh().equals(results.mesh())).toList();
        int lanes = onMesh.stream().mapToInt(MonteCarloBench.Throughput::lanes).max().orElse(0);
        List<MonteCarloBench.Throughput> monteCarlo = onMesh.stream().filter(row -> row.lanes() == lanes)
                .sorted(Comparator.comparingInt(MonteCarloBench.Throughput::threads)).toList();
        if (monteCarlo.isEmpty()) {
            throw new IllegalArgumentException("no Monte Carlo row for mesh " + results.mesh());
        }
        MonteCarloBench.Throughput fewest = monteCarlo.get(0);
        double sampleMs = fewest.sampleMsPerThread();
        double javaMs = fewest.javaFullRunMs();
        Double fenicsMs = fewest.fenicsFullRunMs();
        StringBuilder out = new StringBuilder(format("| summary: mesh %s, %s steps | value |\n|---|---|\n",
                results.mesh(), results.steps()));
        row(out, "full run, Java solver, 1 thread", format("%.1f ms", javaMs));
        row(out, "full run, FEniCS via Py4J, 1 worker", fenicsMs == null
                ? "not available: " + results.fenicsUnavailable() : format("%.1f ms", fenicsMs));
        row(out, "Monte Carlo sample, per thread (" + Counts.of(fewest.threads(), "thread")
                + (lanes == 0 ? ", one at a time" : ", " + lanes + " SIMD lanes") + ")", format("%.2f ms", sampleMs));
        onMesh.stream().filter(row -> lanes > 0 && row.lanes() == 0).findFirst().ifPresent(alone -> row(out,
                "Monte Carlo sample one at a time, per thread (" + Counts.of(alone.threads(), "thread") + ")",
                format("%.2f ms (lanes: %.1fx faster)", alone.sampleMsPerThread(), alone.sampleMsPerThread() / sampleMs)));
        row(out, "full run / sample, Java", format("%.1fx", javaMs / sampleMs));
        row(out, "full run / sample, FEniCS", fenicsMs == null ? "not available: no FEniCS full run"
                : format("%.1fx", fenicsMs / sampleMs));
        for (MonteCarloBench.Throughput row : monteCarlo) {
            row(out, "Monte Carlo, " + Counts.of(row.threads(), "thread"), format("%.1f samples/s", row.samplesPerS()));
        }
        for (GanBench.Speed row : results.gan()) {
            String pytorch = row.pytorchIterationsPerS() == null ? "PyTorch skipped: " + row.pytorchSkipped()
                    : format("PyTorch eager %.1f, DJL / PyTorch %.2fx", row.pytorchIterationsPerS(), row.overPytorch());
            row(out, "WGAN-GP training, " + Counts.of(row.threads(), "thread"),
                    format("%.1f iterations/s (%s)", row.iterationsPerS(), pytorch));
        }
        MatformerFigures matformer = results.matformer();
        for (MatformerFigures.Training row : matformer.training()) {
            row(out, "training, " + row.model(), format("%.0f tokens/s", row.tokensPerS()));
        }
        for (MatformerFigures.Decoding row : matformer.decoding()) {
            if (row.decoding().equals("KV cache")) {
                row(out, "MatFormer decoding, KV cache", format("%.0f tokens/s", row.tokensPerS()));
            }
        }
        MatformerFigures.Speculative best = matformer.speculative().stream()
                .max(Comparator.comparingDouble(MatformerFigures.Speculative::speedUp)).orElseThrow();
        row(out, format("speculative decoding, best k = %d (acceptance %.3f)", best.k(), best.acceptance()),
                format("%.2fx", best.speedUp()));
        return out.toString();
    }

    /** One line of context: where and when the figures were measured, and how many samples stand behind them. */
    public static String context(BenchResults results) {
        return format("Java %s, %s cores, %s; mesh %s, %s steps; Monte Carlo campaigns of %s samples; WGAN-GP %s "
                + "iterations; MatFormer %s training steps, %s decoded tokens", results.java(), results.cores(),
                results.date(), results.mesh(), results.steps(), results.monteCarlo().get(0).samples(),
                results.gan().get(0).iterations(), results.matformer().training().stream().mapToInt(
                        MatformerFigures.Training::steps).findFirst().orElse(0),
                results.matformer().decoding().get(0).tokens());
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
