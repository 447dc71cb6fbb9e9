package org.submodeluq.surrogate.gan;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.core.UserInputException;
import org.submodeluq.nn.Adam;
import org.submodeluq.nn.Mlp;
import org.submodeluq.surrogate.metrics.SampleDistances;

/**
 * Trains a WGAN-GP generator of whitened principal-component coefficients x, optionally conditioned on
 * features c (Mirza and Osindero 2014): the generator maps [z, c] to x and the critic scores [x, c]; with
 * no features (m = 0) it is the plain WGAN-GP, bit for bit. Each iteration runs {@code criticSteps}
 * critic updates on the gradient-penalised objective ({@link GradientPenalty}), each on a batch of
 * training pairs (x_i, c_i) against G(z_i, c_i) at the same c_i, so that the critic sees one condition
 * marginal on both sides and can tell them apart only by x | c; then one generator update on
 * {@code -E[D(G(z, c), c)]} at the conditions of the last critic batch (training rows, reused so that
 * no random numbers are added and the unconditional stream is unchanged); then moves an exponential
 * moving average of the generator's weights (started at zero and divided by 1 - decay^t, Adam's bias
 * correction, so the random initial weights do not linger in it). Every {@code evaluateEvery}
 * iterations the averaged generator is scored by the energy distance between the validation pairs
 * [x, c] and generated pairs [G(z, c), c], one draw at each validation row's conditions, and the best
 * is kept: plain WGAN-GP on this kind of data swings between over- and under-dispersion, so the last
 * iterate is not the one to ship.
 *
 * <p>Iteration t draws its batches and noise from its own stream (seed, t), and every
 * {@code checkpointEvery} iterations the whole state (both networks, Adam moments, the average, the
 * best so far) goes to {@code checkpoint.h5}, keyed by the options and a hash of the coefficients and
 * conditions trained on: a run resumed from a checkpoint ends with the same bits as one that was never
 * interrupted, given the same thread count. One training at a time per JVM: DJL's gradient collector
 * is process-wide.
 */
public final class WganGpTrainer {

    /** Layout name of training checkpoints. */
    public static final String CHECKPOINT_FORMAT = "submodel-uq/wgan-gp-checkpoint";
    private static final int CHECKPOINT_VERSION = 1;
    private static final long VALIDATION_NOISE_SEED = 0x7E57L;
    /**
     * Mixed into the seed of the initial weights and of iteration t's batches and noise (a fixed, arbitrary
     * constant: the fraction of sqrt(3)), so that they share no random numbers with full run t of a
     * training set made with the same seed; both default to 0.
     */
    private static final long TRAINING_DOMAIN = 0xBB67AE8584CAA73BL;

    private final WganGpOptions options;
    private final ConditionedSamples train;
    private final ConditionedSamples validation;
    private final String key;
    private final Path directory;
    private final Device device;
    private final TrainingListener listener;

    /**
     * An unconditional training.
     *
     * @param train whitened coefficients of the training samples (n x k)
     * @param validation whitened coefficients of the validation samples
     * @param directory where checkpoint.h5 and training-log.csv go
     */
    public WganGpTrainer(WganGpOptions options, double[][] train, double[][] validation, Path directory, Device device,
                         TrainingListener listener) {
        this(options, ConditionedSamples.unconditioned(train), ConditionedSamples.unconditioned(validation), directory,
                device, listener);
    }

    /**
     * A conditional training.
     *
     * @param train whitened coefficients of the training samples with their conditions
     * @param validation the same for the validation samples, of the same widths
     * @param directory where checkpoint.h5 and training-log.csv go
     */
    public WganGpTrainer(WganGpOptions options, ConditionedSamples train, ConditionedSamples validation, Path directory,
                         Device device, TrainingListener listener) {
        if (validation.sampleWidth() != train.sampleWidth() || validation.conditionWidth() != train.conditionWidth()) {
            throw new IllegalArgumentException("validation pairs are " + validation.sampleWidth() + " + "
                    + validation.conditionWidth() + " wide, training pairs " + train.sampleWidth() + " + "
                    + train.conditionWidth());
        }
        this.options = options;
        this.train = train;
        this.validation = validation;
        this.key = options + " data " + train.fingerprint() + " " + validation.fingerprint();
        this.directory = directory;
        this.device = device;
        this.listener = listener;
    }

    /**
     * The result: the best averaged generator's parameters, its score and when it was reached.
     *
     * @param widths the generator's layer widths, latent + conditionWidth first
     * @param conditionWidth m, the trailing inputs that take the conditions
     */
    public record Result(int[] widths, int conditionWidth, List<double[]> parameters, double validationEnergy,
                         int bestIteration) {
    }

    /** Trains, resuming from the directory's checkpoint when it belongs to these options and data. */
    public Result train() {
        int k = train.sampleWidth();
        int m = train.conditionWidth();
        int[] generatorWidths = widths(options.latent() + m, options.generatorHidden(), k);
        int[] criticWidths = widths(k + m, options.criticHidden(), 1);
        DataType type = options.float64() ? DataType.FLOAT64 : DataType.FLOAT32;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        try (NDManager manager = NDManager.newBaseManager(device)) {
            UniformRandomProvider init = KeyedStreams.stream(options.seed() ^ TRAINING_DOMAIN, 0);
            Mlp generator = Mlp.initialised(manager, generatorWidths, type, init);
            Mlp critic = Mlp.initialised(manager, criticWidths, type, init);
            Mlp average = Mlp.of(manager, generatorWidths, zeros(generatorWidths), type, false);
            Adam generatorAdam = new Adam(generator.parameters(), options.beta1(), options.beta2());
            Adam criticAdam = new Adam(critic.parameters(), options.beta1(), options.beta2());
            State state = new State(generator, critic, average, generatorAdam, criticAdam,
                    new Batch(rows(manager, train.samples(), k, type), rows(manager, train.conditions(), m, type)));
            TrainingLog log = new TrainingLog(directory.resolve("training-log.csv"));
            int start = resume(state, log);
            for (int t = start + 1; t <= options.iterations(); t++) {
                try (NDScope scope = new NDScope()) {
                    iterate(t, state, manager, type, log);
                }
                if (t % options.checkpointEvery() == 0 || t == options.iterations()) {
                    try (NDScope scope = new NDScope()) {
                        checkpoint(t, state, log);
                    }
                }
            }
            return new Result(generatorWidths, m, state.best, state.bestEnergy, state.bestIteration);
        }
    }

    private static int[] widths(int input, int[] hidden, int output) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = input;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = output;
        return widths;
    }

    /** Everything that evolves during training. */
    private static final class State {
        final Mlp generator;
        final Mlp critic;
        final Mlp average;
        final Adam generatorAdam;
        final Adam criticAdam;
        /** The whole training set on the device, from which batches are gathered. */
        final Batch training;
        List<double[]> best;
        double bestEnergy = Double.POSITIVE_INFINITY;
        int bestIteration;

        State(Mlp generator, Mlp critic, Mlp average, Adam generatorAdam, Adam criticAdam, Batch training) {
            this.generator = generator;
            this.critic = critic;
            this.average = average;
            this.generatorAdam = generatorAdam;
            this.criticAdam = criticAdam;
            this.training = training;
        }
    }

    private void iterate(int t, State state, NDManager manager, DataType type, TrainingLog log) {
        UniformRandomProvider rng = KeyedStreams.stream(options.seed() ^ TRAINING_DOMAIN, t);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double learningRate = options.learningRateAt(t);
        int b = options.batch();
        GradientPenalty.Terms terms = null;
        Batch batch = null;
        for (int c = 0; c < options.criticSteps(); c++) {
            batch = batch(manager, rng, state.training);
            NDArray fake = state.generator.forward(GradientPenalty.joined(noise(manager, gaussian, b, type),
                    batch.conditions())).stopGradient();
            double[] eps = new double[b];
            double[] complement = new double[b];
            for (int i = 0; i < b; i++) {
                eps[i] = rng.nextDouble();
                complement[i] = 1 - eps[i];
            }
            state.criticAdam.zeroGradients();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                terms = GradientPenalty.criticLoss(state.critic, batch.real(), fake, batch.conditions(),
                        array(manager, eps, b, 1, type), array(manager, complement, b, 1, type), options.lambda());
                collector.backward(terms.loss());
            }
            state.criticAdam.step(learningRate);
        }
        state.generatorAdam.zeroGradients();
        NDArray generatorLoss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray conditions = batch.conditions();
            NDArray generated = state.generator.forward(GradientPenalty.joined(noise(manager, gaussian, b, type),
                    conditions));
            generatorLoss = state.critic.forward(GradientPenalty.joined(generated, conditions)).mean().neg();
            collector.backward(generatorLoss);
        }
        state.generatorAdam.step(learningRate);
        average(state);
        double validationEnergy = Double.NaN;
        if (t % options.evaluateEvery() == 0 || t == options.iterations()) {
            List<double[]> averaged = corrected(state.average.export(), t);
            validationEnergy = validate(averaged, manager, type);
            if (Double.isNaN(validationEnergy)) {
                throw new UserInputException("WGAN-GP training diverged: the generator's output is not finite at iteration "
                        + t + "; try a smaller learning rate or keep more PCA energy");
            }
            boolean best = validationEnergy < state.bestEnergy;
            if (best) {
                state.bestEnergy = validationEnergy;
                state.bestIteration = t;
                state.best = averaged;
            }
            listener.validated(t, validationEnergy, best);
        }
        double criticLoss = scalar(terms.loss());
        double wasserstein = scalar(terms.wasserstein());
        log.add(t, criticLoss, wasserstein, scalar(terms.penalty()), scalar(generatorLoss), learningRate,
                validationEnergy);
        listener.iteration(t, options.iterations(), criticLoss, wasserstein);
    }

    private static double scalar(NDArray value) {
        return value.toType(DataType.FLOAT64, false).getDouble();
    }

    /** Training pairs drawn together: samples (B, k) and their conditions (B, m). */
    private record Batch(NDArray real, NDArray conditions) {
    }

    /** B training rows drawn with replacement, gathered on the device from the whole set (one index array). */
    private Batch batch(NDManager manager, UniformRandomProvider rng, Batch training) {
        long[] rows = new long[options.batch()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextInt(train.size());
        }
        NDArray index = manager.create(rows);
        NDArray conditions = training.conditions();
        // with no conditions (m = 0) any B rows will do, and a slice costs far less than a gather
        return new Batch(training.real().get(index), conditions.getShape().get(1) == 0
                ? conditions.get("0:" + rows.length) : conditions.get(index));
    }

    /** Rows of equal width as one (rows, width) array of the training precision. */
    private static NDArray rows(NDManager manager, double[][] rows, int width, DataType type) {
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return array(manager, flat, rows.length, width, type);
    }

    /** An array of the training precision made straight from Java values (no conversion operation). */
    private static NDArray array(NDManager manager, double[] values, int rows, int columns, DataType type) {
        if (type == DataType.FLOAT64) {
            return manager.create(values, new Shape(rows, columns));
        }
        float[] narrowed = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrowed[i] = (float) values[i];
        }
        return manager.create(narrowed, new Shape(rows, columns));
    }

    private NDArray noise(NDManager manager, ZigguratSampler.NormalizedGaussian gaussian, int rows, DataType type) {
        double[] values = new double[rows * options.latent()];
        for (int i = 0; i < values.length; i++) {
            values[i] = gaussian.sample();
        }
        return array(manager, values, rows, options.latent(), type);
    }

    /** average = decay average + (1 - decay) generator, in place. */
    private void average(State state) {
        List<NDArray> averaged = state.average.parameters();
        List<NDArray> current = state.generator.parameters();
        NDArray decay = state.generator.scalars().of(options.emaDecay());
        NDArray rest = state.generator.scalars().of(1 - options.emaDecay());
        for (int p = 0; p < averaged.size(); p++) {
            averaged.get(p).muli(decay).addi(current.get(p).mul(rest));
        }
    }

    /** The average with Adam's bias correction: divided by 1 - decay^t (nothing to correct without decay). */
    private List<double[]> corrected(List<double[]> average, int t) {
        double correction = 1 - StrictMath.pow(options.emaDecay(), t);
        return average.stream().map(p -> Arrays.stream(p).map(v -> v / correction).toArray()).toList();
    }

    private static List<double[]> zeros(int[] widths) {
        List<double[]> zeros = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            zeros.add(new double[widths[i] * widths[i + 1]]);
            zeros.add(new double[widths[i + 1]]);
        }
        return zeros;
    }

    /**
     * Energy distance between generated pairs [G(z_i, c_i), c_i] and the validation pairs [x, c], on fixed
     * noise: row i takes the conditions of validation row i (cycling through them when there are fewer
     * than 256 rows, so that the score rests on at least 256 draws). Both sides then share the condition
     * marginal, and the distance measures how far the joint, hence x | c, is off.
     */
    private double validate(List<double[]> generator, NDManager manager, DataType type) {
        int n = Math.max(256, validation.size());
        int k = train.sampleWidth();
        int m = train.conditionWidth();
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(
                KeyedStreams.stream(options.seed() ^ VALIDATION_NOISE_SEED, 0));
        double[] conditions = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(validation.conditions()[i % validation.size()], 0, conditions, i * m, m);
        }
        int[] widths = widths(options.latent() + m, options.generatorHidden(), k);
        NDArray input = GradientPenalty.joined(noise(manager, gaussian, n, type),
                array(manager, conditions, n, m, type));
        double[] flat = Mlp.of(manager, widths, generator, type, false).forward(input)
                .toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] generated = new double[n][];
        for (int i = 0; i < n; i++) {
            generated[i] = ConditionedSamples.joined(Arrays.copyOfRange(flat, i * k, (i + 1) * k),
                    validation.conditions()[i % validation.size()]);
        }
        return SampleDistances.energy(generated, validation.pairs());
    }

    private Path checkpointFile() {
        return directory.resolve("checkpoint.h5");
    }

    private void checkpoint(int t, State state, TrainingLog log) {
        log.write();
        Hdf5Files.writeAtomically(checkpointFile(), CHECKPOINT_FORMAT, CHECKPOINT_VERSION, file -> {
            file.putAttribute("iteration", (long) t);
            file.putAttribute("key", key);
            file.putAttribute("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
            file.putAttribute("best_energy", state.bestEnergy);
            file.putAttribute("best_iteration", (long) state.bestIteration);
            file.putAttribute("adam_steps", new long[] {state.generatorAdam.steps(), state.criticAdam.steps()});
            put(file.putGroup("generator"), state.generator.export());
            put(file.putGroup("critic"), state.critic.export());
            put(file.putGroup("average"), state.average.export());
            if (state.best != null) {
                put(file.putGroup("best"), state.best);
            }
            put(file.putGroup("generator_adam"), state.generatorAdam.exportMoments());
            put(file.putGroup("critic_adam"), state.criticAdam.exportMoments());
        });
    }

    private static void put(WritableGroup group, List<double[]> arrays) {
        for (int i = 0; i < arrays.size(); i++) {
            group.putDataset("p" + i, arrays.get(i));
        }
    }

    /** Restores the state from a checkpoint of the same options and data; returns its iteration (0 if none). */
    private int resume(State state, TrainingLog log) {
        Path file = checkpointFile();
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (HdfFile checkpoint = Hdf5Files.open(file, CHECKPOINT_FORMAT, CHECKPOINT_VERSION, "training checkpoint")) {
            if (!key.equals(checkpoint.getAttribute("key").getData())) {
                listener.note("ignoring " + file + ": it was made with other options or data");
                return 0;
            }
            Object threads = checkpoint.getAttribute("threads").getData();
            if (!threads.equals(System.getProperty("ai.djl.pytorch.num_threads", "default"))) {
                listener.note("the checkpoint was made with " + threads + " libtorch thread(s): the resumed run may "
                        + "differ from an uninterrupted one in the last bits");
            }
            int iteration = (int) ((Number) checkpoint.getAttribute("iteration").getData()).longValue();
            long[] steps = (long[]) checkpoint.getAttribute("adam_steps").getData();
            state.generator.load(read(checkpoint, "generator"));
            state.critic.load(read(checkpoint, "critic"));
            state.average.load(read(checkpoint, "average"));
            state.best = read(checkpoint, "best");
            state.bestEnergy = ((Number) checkpoint.getAttribute("best_energy").getData()).doubleValue();
            state.bestIteration = (int) ((Number) checkpoint.getAttribute("best_iteration").getData()).longValue();
            state.generatorAdam.restore(read(checkpoint, "generator_adam"), steps[0]);
            state.criticAdam.restore(read(checkpoint, "critic_adam"), steps[1]);
            log.resume(iteration);
            listener.note("resuming from iteration " + iteration + " (" + file + ")");
            return iteration;
        }
    }

    /** The arrays p0, p1, ... of a group, or null when the file has no such group. */
    private static List<double[]> read(HdfFile file, String name) {
        if (!(file.getChild(name) instanceof Group group)) {
            return null;
        }
        List<double[]> arrays = new ArrayList<>();
        for (int i = 0; group.getChild("p" + i) != null; i++) {
            arrays.add((double[]) file.getDatasetByPath(name + "/p" + i).getData());
        }
        return arrays;
    }
}
