package org.submodeluq.surrogate;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpGenerator;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.gan.WganGpTrainer;
import org.submodeluq.surrogate.metrics.GeneratorMetrics;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * Fits a generator of any kind on the train split, scores it on the test split and saves it with its
 * manifest, which records the training set's case when the data has one: the one entry point the command
 * line and study scripts use.
 */
public final class GeneratorTraining {

    private GeneratorTraining() {
    }

    /**
     * How to train.
     *
     * @param kind the generator
     * @param energy share of standardised variance the PCA keeps ({@link PcaReduction#DEFAULT_ENERGY} by default)
     * @param components a fixed number of components instead, or 0
     * @param gan WGAN-GP settings (ignored by the other kinds)
     * @param metricSeed seed of the generated samples the metrics use
     * @param device where WGAN-GP trains
     */
    public record Settings(GeneratorKind kind, double energy, int components, WganGpOptions gan, long metricSeed,
                           Device device) {
    }

    /** The trained generator and its scores on the test split. */
    public record Result(BoundaryConditionGenerator generator, PcaReduction reduction, GeneratorMetrics metrics) {
    }

    /** Trains, scores and saves into {@code directory}. */
    public static Result train(TrainingData data, Settings settings, Path directory, TrainingListener listener) {
        SampleMatrix train = data.train();
        PcaReduction reduction = PcaReduction.fit(train, settings.energy(), settings.components());
        listener.note(String.format("PCA: %d components hold %.4f of the standardised variance of %d training samples",
                reduction.components(), reduction.retainedEnergy(), train.size()));
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", data.source());
        source.put("sha256", data.all().sha256());
        source.put("samples", data.all().size());
        source.put("train", data.splits().train().length);
        source.put("validation", data.splits().validation().length);
        source.put("test", data.splits().test().length);
        manifest.put("data", source);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("energy", settings.energy());
        options.put("fixed_components", settings.components());
        BoundaryConditionGenerator generator = switch (settings.kind()) {
            case EMPIRICAL -> new EmpiricalGenerator(train);
            case PCA_GAUSSIAN -> new PcaGaussianGenerator(reduction, train.featureShape());
            case WGAN_GP -> {
                options.putAll(settings.gan().asMap());
                WganGpTrainer.Result result = new WganGpTrainer(settings.gan(), reduction.encode(train.rows()),
                        reduction.encode(data.validation().rows()), directory, settings.device(), listener).train();
                manifest.put("training", Map.of("best_iteration", result.bestIteration(),
                        "best_validation_energy_distance", result.validationEnergy(), "log", "training-log.csv"));
                yield new WganGpGenerator(reduction, train.featureShape(), result.widths(), result.conditionWidth(),
                        result.parameters(), settings.device());
            }
        };
        manifest.put("options", options);
        GeneratorMetrics metrics = GeneratorMetrics.evaluate(generator, reduction, data.test().rows(),
                settings.metricSeed());
        manifest.put("metrics_on_test_split", metrics.asMap());
        manifest.put("tool", "submodel-uq " + BuildInfo.version());
        GeneratorFiles.save(directory, generator, reduction, data.trainedCase(), manifest);
        return new Result(generator, reduction, metrics);
    }
}
