package org.submodeluq.matformer.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;

/**
 * What {@code matformer train} runs: one MatFormer with the paper's g = 4 granularities and, on
 * request, a plain baseline at each of their widths, all from the same seed, recipe and batches, so
 * that the sweep sets nested models beside separately trained ones of equal size. Each run leaves
 * {@code NAME.h5} in the output directory with the provenance {@link TrainedModel} reads back; a run
 * whose file records the same options and data is kept, and an interrupted one resumes from
 * {@code NAME.checkpoint.h5}.
 */
public final class MatformerStudy {

    /** One model of the study and its files: the nested model, or a plain baseline of one hidden width. */
    public record Run(String name, int[] widths, boolean nested) {

        private static final String NESTED = "matformer";
        private static final String SUFFIX = ".h5";

        public Run {
            widths = widths.clone();
        }

        /** The MatFormer of these granularity widths. */
        static Run nestedOf(int[] widths) {
            return new Run(NESTED, widths, true);
        }

        /** The plain model of hidden width {@code width}. */
        public static Run baseline(int width) {
            return new Run("baseline-" + width, new int[] {width}, false);
        }

        /** The nested model's file in a training directory. */
        public static Path nestedFile(Path directory) {
            return directory.resolve(NESTED + SUFFIX);
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        /** The trained model's file in {@code directory}. */
        public Path file(Path directory) {
            return directory.resolve(name + SUFFIX);
        }

        Path checkpoint(Path directory) {
            return directory.resolve(name + ".checkpoint" + SUFFIX);
        }
    }

    /**
     * What a run left.
     *
     * @param kept whether the file was trained earlier with the same options and data, and left as it was
     * @param heldOutLosses each granularity's held-out loss, nats per byte; empty when kept
     * @param seconds spent training; 0 when kept
     */
    public record Outcome(Run run, Path file, boolean kept, double[] heldOutLosses, double seconds) {
    }

    private final ByteCorpus text;
    private final LmShape shape;
    private final TrainOptions options;
    private final Windows train;
    private final List<Batch> heldOut;
    private final List<Run> runs = new ArrayList<>();
    private final String data;
    private final Map<String, Object> provenance = new LinkedHashMap<>();

    /**
     * Reads the corpus and checks that everything fits before anything trains.
     *
     * @param shape the nested model, one feed-forward width d_ff in every layer (a multiple of 8)
     * @param baselines whether to train a plain model at each granularity's width too
     */
    public MatformerStudy(Path corpus, double heldOutFraction, LmShape shape, TrainOptions options,
                          boolean baselines) {
        this.text = ByteCorpus.read(corpus, heldOutFraction);
        this.shape = shape;
        this.options = options;
        int[] widths = MatLm.defaultWidths(shape.ffnWidths()[0]);
        runs.add(Run.nestedOf(widths));
        if (baselines) {
            for (int width : widths) {
                runs.add(Run.baseline(width));
            }
        }
        this.train = TrainedModel.windows(text.train(), shape.context(), "training part");
        this.heldOut = TrainedModel.windows(text.heldOut(), shape.context(), "held-out part")
                .evaluation(TrainedModel.EVALUATION_WINDOWS, options.evalBatches());
        String corpusPath = corpus.toAbsolutePath().toString();
        this.data = "corpus " + corpusPath + ", held out " + heldOutFraction + ", " + shape;
        provenance.put(TrainedModel.CORPUS, corpusPath);
        provenance.put(TrainedModel.HELD_OUT_FRACTION, heldOutFraction);
        provenance.put("steps", (long) options.steps());
        provenance.put("seed", options.seed());
        provenance.put("sample_one", options.sampleOneGranularity() ? 1 : 0);
        provenance.put("identity", identity());
        provenance.put(TrainedModel.CONTEXT, shape.context());
    }

    /** The corpus, split. */
    public ByteCorpus text() {
        return text;
    }

    /** The nested model first, then the baselines from the smallest. */
    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /**
     * Trains {@code run} into {@code directory}, unless its file there was trained with the same options
     * and data; resumes from the run's checkpoint when there is one, and deletes it once the model is
     * written.
     */
    public Outcome train(Run run, Path directory, TrainingListener listener) {
        Path file = run.file(directory);
        if (Files.isRegularFile(file) && identity().equals(ModelFile.attribute(file, "identity"))) {
            return new Outcome(run, file, true, new double[0], 0);
        }
        int[] widths = run.widths();
        LmShape runShape = LmShape.uniform(shape.layers(), shape.dModel(), shape.heads(), shape.context(),
                widths[widths.length - 1], shape.positions());
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model = new MatLm(TransformerLm.initialised(manager, runShape,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed())), widths);
            Path checkpoint = run.checkpoint(directory);
            long start = System.nanoTime();
            double[] losses = new MatTrainer(model, train, heldOut, options, checkpoint, data).train(listener);
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelFile.write(file, model.transformer(), run.nested() ? widths : new int[0], Map.of(), provenance);
            Files.deleteIfExists(checkpoint);
            return new Outcome(run, file, false, losses, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a model file must record to be kept: what its checkpoint recorded. */
    private String identity() {
        return MatTrainer.identity(options, data);
    }
}
