package org.submodeluq.matformer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.nn.Adam;

/**
 * Trains a MatFormer jointly, as the public MatFormer-OLMo and MatViT code do: each step runs the same
 * batch at every granularity (each a uniform configuration), sums the losses and takes one AdamW
 * step; or, with {@link TrainOptions#sampleOneGranularity}, one granularity drawn per step; with
 * {@link TrainOptions#mixesPerStep}, randomly drawn Mix'n'Match configurations join the sum (a plain
 * model has none to draw, so its baselines train as without). A plain
 * model is a MatFormer of one granularity, so the baselines are trained by the same code and recipe.
 * With a checkpoint path, the model and the optimiser's moments are saved every
 * {@link TrainOptions#checkpointEvery} steps and a run started again resumes from the last one, to the
 * same bits: batches are drawn from a stream keyed by the step.
 */
public final class MatTrainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.95;

    private final MatLm model;
    private final Windows train;
    private final List<Batch> heldOut;
    private final TrainOptions options;
    private final Path checkpoint;
    private final String identity;

    /** @param checkpoint where to checkpoint, or null for never */
    public MatTrainer(MatLm model, Windows train, List<Batch> heldOut, TrainOptions options, Path checkpoint) {
        this(model, train, heldOut, options, checkpoint, "");
    }

    /**
     * @param identity what else a checkpoint must match to be resumed from (the corpus, say), besides
     *     the options and the model's shape
     */
    public MatTrainer(MatLm model, Windows train, List<Batch> heldOut, TrainOptions options, Path checkpoint,
                      String identity) {
        this.model = model;
        this.train = train;
        this.heldOut = List.copyOf(heldOut);
        this.options = options;
        this.checkpoint = checkpoint;
        this.identity = identity(options, identity);
    }

    /** What a checkpoint records, and must match to be resumed from: the options and the rest of the identity. */
    static String identity(TrainOptions options, String identity) {
        return options + "\n" + identity;
    }

    /**
     * Trains to the last step.
     *
     * @return each granularity's held-out loss at the end, in nats per byte
     */
    public double[] train(TrainingListener listener) {
        List<NDArray> parameters = model.transformer().parameterList();
        Adam adam = new Adam(parameters, BETA1, BETA2);
        int start = resume(adam, listener);
        int g = model.granularities();
        int mixes = g > 1 ? options.mixesPerStep() : 0;
        double[] last = null;
        for (int step = start; step < options.steps(); step++) {
            UniformRandomProvider rng = KeyedStreams.stream(options.seed(), step);
            Batch batch = train.sample(options.batchSize(), rng);
            double[] losses = new double[g];
            Arrays.fill(losses, Double.NaN);
            List<Integer> trained = options.sampleOneGranularity() ? List.of(rng.nextInt(g)) : range(g);
            try (NDScope scope = new NDScope()) {
                NDManager manager = model.transformer().manager();
                NDArray inputs = Losses.tokens(manager, batch.inputs());
                NDArray targets = Losses.tokens(manager, batch.targets());
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray total = null;
                    for (int granularity : trained) {
                        NDArray loss = Losses.crossEntropy(model.logits(inputs,
                                MixConfig.uniform(model.layers(), granularity)), targets);
                        losses[granularity] = loss.getFloat();
                        total = total == null ? loss : total.add(loss);
                    }
                    for (int mix = 0; mix < mixes; mix++) {
                        total = total.add(Losses.crossEntropy(model.logits(inputs, randomMix(rng)), targets));
                    }
                    collector.backward(total);
                }
                double norm = globalNorm(parameters);
                adam.step(options.learningRateAt(step), options.weightDecay(),
                        norm > options.clipNorm() ? options.clipNorm() / norm : 1);
                adam.zeroGradients();
            }
            listener.step(step + 1, options.steps(), losses);
            last = null;
            if ((step + 1) % options.evalEvery() == 0 || step + 1 == options.steps()) {
                last = heldOutLosses();
                listener.evaluated(step + 1, last);
            }
            if (checkpoint != null && options.checkpointEvery() > 0 && (step + 1) % options.checkpointEvery() == 0) {
                try (NDScope scope = new NDScope()) {
                    save(adam, step + 1);
                }
            }
        }
        return last != null ? last : heldOutLosses();
    }

    /** A configuration with each layer's granularity drawn uniformly. */
    private MixConfig randomMix(UniformRandomProvider rng) {
        int[] granularities = new int[model.layers()];
        for (int l = 0; l < granularities.length; l++) {
            granularities[l] = rng.nextInt(model.granularities());
        }
        return new MixConfig(granularities);
    }

    /** Each granularity's held-out loss. */
    public double[] heldOutLosses() {
        double[] losses = new double[model.granularities()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = Losses.heldOut(model.transformer(), model.hidden(MixConfig.uniform(model.layers(), i)),
                    heldOut);
        }
        return losses;
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** The Euclidean norm of every parameter's gradient together, which clipping bounds. */
    public static double globalNorm(List<NDArray> parameters) {
        double squares = 0;
        for (NDArray parameter : parameters) {
            squares += parameter.getGradient().square().sum().getFloat();
        }
        return Math.sqrt(squares);
    }

    private void save(Adam adam, int steps) {
        Map<String, float[]> state = new LinkedHashMap<>();
        List<double[]> moments = adam.exportMoments();
        for (int i = 0; i < moments.size(); i++) {
            state.put("moment" + i, narrow(moments.get(i)));
        }
        ModelFile.write(checkpoint, model.transformer(), model.widths(), state,
                Map.of("steps", (long) steps, "identity", identity));
    }

    /** Restores the last checkpoint of the same options, if any; returns the step to start from. */
    private int resume(Adam adam, TrainingListener listener) {
        if (checkpoint == null || !Files.isRegularFile(checkpoint)) {
            return 0;
        }
        ModelFile.Contents saved;
        try {
            saved = ModelFile.read(checkpoint, model.transformer().manager(), model.transformer().shape());
        } catch (UserInputException e) {
            throw new UserInputException("checkpoint " + e.getMessage() + ": delete it to start afresh, or train into "
                    + "another directory");
        }
        if (!identity.equals(ModelFile.attribute(checkpoint, "identity"))) {
            saved.lm().parameterList().forEach(NDArray::close);
            listener.note("starting afresh: checkpoint " + checkpoint + " was made with other options or data, and "
                    + "will be overwritten");
            return 0;
        }
        List<NDArray> target = model.transformer().parameterList();
        List<NDArray> source = saved.lm().parameterList();
        for (int p = 0; p < target.size(); p++) {
            target.get(p).set(source.get(p).toFloatArray());
            source.get(p).close();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2 * target.size(); i++) {
            names.add("moment" + i);
        }
        List<double[]> moments = new ArrayList<>();
        for (float[] values : ModelFile.state(checkpoint, names).values()) {
            moments.add(widen(values));
        }
        int steps = ((Number) ModelFile.attribute(checkpoint, "steps")).intValue();
        adam.restore(moments, steps);
        listener.note("resuming from step " + steps + " of " + options.steps() + " (" + checkpoint + ")");
        return steps;
    }

    private static float[] narrow(double[] values) {
        float[] narrowed = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrowed[i] = (float) values[i];
        }
        return narrowed;
    }

    private static double[] widen(float[] values) {
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return widened;
    }
}
