package org.submodeluq.matformer.encoder;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.matformer.train.MatTrainer;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainingListener;
import org.submodeluq.nn.Adam;

/**
 * Trains a trace encoder jointly, as MatViT does: each step draws two {@link Views} of each run of a
 * batch and sums the {@link InfoNce} losses of every granularity on the same views, then takes one
 * AdamW step with the decoder's recipe ({@link TrainOptions}: warm-up, cosine decay, clipping). A
 * step's batch and views come from a stream keyed by the seed (mixed with a constant of this use) and
 * the step, so one seed gives one model.
 */
public final class EncoderTrainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.95;
    /** Mixed into the seed, so that the steps' streams are not the training set's (seed, run) streams. */
    private static final long STREAM_DOMAIN = 0x3C6EF372FE94F82BL;

    private final TraceEncoder encoder;
    private final float[][] runs;
    private final TrainOptions options;
    private final Views views;
    private final double temperature;

    /** @param train the runs to learn from; at least two, as a batch must hold negatives */
    public EncoderTrainer(TraceEncoder encoder, TraceSet train, TrainOptions options, Views views,
                          double temperature) {
        encoder.requireShape(train);
        if (train.size() < 2) {
            throw new UserInputException("contrastive training needs at least 2 runs (each run's views are the "
                    + "others' negatives); got " + train.size());
        }
        UserInputException.require(temperature > 0, "temperature", temperature, "> 0");
        EncoderShape shape = encoder.shape();
        this.encoder = encoder;
        this.runs = new float[train.size()][];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = encoder.scaling().tokens(train.runs()[i], shape.steps(), shape.patch());
        }
        this.options = options;
        this.views = views;
        this.temperature = temperature;
    }

    /**
     * Trains to the last step.
     *
     * @return each granularity's loss at the last step, in nats (log B for an encoder that cannot tell
     *     runs apart, 0 for one that always can)
     */
    public double[] train(TrainingListener listener) {
        List<NDArray> parameters = encoder.parameterList();
        Adam adam = new Adam(parameters, BETA1, BETA2);
        EncoderShape shape = encoder.shape();
        int g = encoder.granularities();
        int batch = Math.min(options.batchSize(), runs.length);
        double[] losses = new double[g];
        for (int step = 0; step < options.steps(); step++) {
            UniformRandomProvider rng = KeyedStreams.stream(options.seed() ^ STREAM_DOMAIN, step);
            int[] chosen = PermutationSampler.natural(runs.length);
            PermutationSampler.shuffle(rng, chosen);
            float[][] batchRuns = new float[batch][];
            for (int i = 0; i < batch; i++) {
                batchRuns[i] = runs[chosen[i]];
            }
            try (NDScope scope = new NDScope()) {
                Views.Batch first = views.draw(batchRuns, shape.tokens(), shape.tokenWidth(),
                        views.length(shape.tokens(), rng), rng, encoder.manager());
                Views.Batch second = views.draw(batchRuns, shape.tokens(), shape.tokenWidth(),
                        views.length(shape.tokens(), rng), rng, encoder.manager());
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray total = null;
                    for (int granularity = 0; granularity < g; granularity++) {
                        int[] hidden = encoder.hidden(granularity);
                        NDArray loss = InfoNce.loss(encoder.forward(first.tokens(), first.positions(), hidden),
                                encoder.forward(second.tokens(), second.positions(), hidden), temperature);
                        losses[granularity] = loss.getFloat();
                        total = total == null ? loss : total.add(loss);
                    }
                    collector.backward(total);
                }
                double norm = MatTrainer.globalNorm(parameters);
                adam.step(options.learningRateAt(step), options.weightDecay(),
                        norm > options.clipNorm() ? options.clipNorm() / norm : 1);
                adam.zeroGradients();
            }
            listener.step(step + 1, options.steps(), losses.clone());
        }
        return losses;
    }
}
