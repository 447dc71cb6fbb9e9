package org.submodeluq.matformer.sweep;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.Named;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.train.MatformerStudy;
import org.submodeluq.matformer.train.TrainedModel;

/**
 * The sweep of a directory made by {@code matformer train}: its MatFormer's Mix'n'Match configurations
 * of one {@link Family} and the baselines found beside it, on the held-out text, written there as
 * {@code sweep.md} and {@code sweep.png}.
 *
 * @param importance each layer's {@link LayerImportance}, measured on the training text
 * @param points the configurations from the smallest, then the baselines
 * @param table {@code points} as the Markdown written to {@code markdown}
 * @param onOrBelowCurve the Mix'n'Match points on or below the uniform curve within {@link #ERRORS}
 *     standard errors
 * @param baselineGaps {@link MixAndMatch#baselineGaps}
 */
public record DirectorySweep(LayerImportance importance, List<SweepPoint> points, String table,
                             MixAndMatch.Share onOrBelowCurve, Map<String, Estimate> baselineGaps, Path markdown,
                             Path png) {

    /**
     * Standard errors of its paired excess by which a Mix'n'Match loss may lie above the uniform curve
     * and still count as on it: about a 95 % interval.
     */
    public static final double ERRORS = 2;

    /** Which monotone configurations the sweep evaluates. */
    public enum Family implements Named {
        /** Granularity never decreasing with depth: the MatFormer paper's family. */
        DEPTH("depth"),
        /** Granularity never increasing from the most important layer to the least ({@link LayerImportance}). */
        IMPORTANCE("importance");

        private final String text;

        Family(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }

    /**
     * Evaluates at most {@code cap} configurations of {@code family} on {@code batches} held-out batches
     * and writes the table and the plot; the layers' importance is measured on as many training batches,
     * so that choosing the family does not look at the held-out text.
     *
     * @param corpus the corpus, when it moved since training; null to use the recorded path
     */
    public static DirectorySweep of(Path directory, Family family, int cap, int batches, Path corpus) {
        if (!Files.isDirectory(directory)) {
            throw new UserInputException("model", "= " + directory + " is not a directory made by matformer train");
        }
        if (batches < 1) {
            throw new UserInputException("evalBatches", "= " + batches + " must be >= 1");
        }
        Path file = MatformerStudy.Run.nestedFile(directory);
        List<Batch> heldOut = TrainedModel.heldOut(file, corpus)
                .evaluation(TrainedModel.EVALUATION_WINDOWS, batches);
        LayerImportance importance;
        List<SweepPoint> points;
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm nested = TrainedModel.nested(file, manager);
            importance = LayerImportance.of(nested, TrainedModel.trainingPart(file, corpus)
                    .evaluation(TrainedModel.EVALUATION_WINDOWS, batches));
            List<MixConfig> configs = family == Family.DEPTH ? MixAndMatch.nonDecreasing(nested, cap)
                    : MixAndMatch.monotone(nested, importance.order(), cap);
            points = new ArrayList<>(MixAndMatch.evaluate(nested, configs, heldOut));
            List<TransformerLm> baselines = new ArrayList<>();
            for (int width : nested.widths()) {
                Path baseline = MatformerStudy.Run.baseline(width).file(directory);
                if (Files.isRegularFile(baseline)) {
                    baselines.add(ModelFile.read(baseline, manager, null).lm());
                }
            }
            if (!baselines.isEmpty()) {
                points.addAll(MixAndMatch.baselines(baselines, heldOut));
            }
        }
        String table = SweepReport.markdown(points);
        Path markdown = directory.resolve("sweep.md");
        Path png = directory.resolve("sweep.png");
        try {
            Files.writeString(markdown, table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + markdown, e);
        }
        SweepReport.png(points, png, "Mix'n'Match: held-out loss against size");
        return new DirectorySweep(importance, List.copyOf(points), table, MixAndMatch.onOrBelowCurve(points, ERRORS),
                MixAndMatch.baselineGaps(points), markdown, png);
    }
}
