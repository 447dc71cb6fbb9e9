package org.submodeluq.surrogate;

import ai.djl.Device;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.conditional.ConditionalGanTraining;
import org.submodeluq.surrogate.conditional.Conditioning;
import org.submodeluq.surrogate.conditional.CrossFitted;
import org.submodeluq.surrogate.conditional.MeanMapGenerator;
import org.submodeluq.surrogate.conditional.MeanMapTraining;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
     * @param conditional how the conditional kinds read the case's inputs (ignored by the others)
     */
    public record Settings(GeneratorKind kind, double energy, int components, WganGpOptions gan, long metricSeed,
                           Device device, Conditional conditional) {
    }

    /**
     * Settings of the conditional kinds.
     *
     * @param condition the inputs to condition on, as {@code --condition} takes them; empty for the kind's
     *     default ({@value Conditioning#ALL} for the mean maps, {@value Conditioning#LOAD} for cwgan-gp)
     * @param mapComponents principal components of the traces the mean map gives a Gaussian process each
     * @param residualComponents principal components of the mean map's residual model
     * @param folds folds of the cross-fit
     * @param threads Gaussian processes fitted at once
     */
    public record Conditional(String condition, int mapComponents, int residualComponents, int folds, int threads) {

        /** The defaults, fitting on {@code threads} threads. */
        public static Conditional defaults(int threads) {
            return new Conditional("", MeanMapTraining.Settings.MAP_COMPONENTS,
                    MeanMapTraining.Settings.RESIDUAL_COMPONENTS, MeanMapTraining.Settings.FOLDS, threads);
        }

        /** The conditioning {@code kind} gets on {@code spec}. */
        public Conditioning conditioning(GeneratorKind kind, CaseSpec spec) {
            String text = !condition.isBlank() ? condition
                    : kind == GeneratorKind.CONDITIONAL_WGAN_GP ? Conditioning.LOAD : Conditioning.ALL;
            return Conditioning.parse(text, spec);
        }
    }

    /** The trained generator and its scores on the test split. */
    public record Result(BoundaryConditionGenerator generator, PcaReduction reduction, GeneratorMetrics metrics) {
    }

    /**
     * Checks what training would refuse only after reading the data, before any work: a conditional
     * kind needs a training set's runs and inputs its case has.
     *
     * @throws UserInputException naming the setting that does not fit the data
     */
    public static void check(TrainingData data, Settings settings) {
        if (settings.kind().conditional()) {
            settings.conditional().conditioning(settings.kind(), requireRuns(data, settings.kind()));
        }
    }

    /**
     * The case of a training set whose runs' inputs are known: what a conditional generator needs.
     *
     * @throws UserInputException when the data is a plain dataset
     */
    private static CaseSpec requireRuns(TrainingData data, GeneratorKind kind) {
        if (data.trainedCase().isEmpty() || !data.hasInputs()) {
            throw new UserInputException("--model", kind.text() + " reads each run's inputs, and '" + data.source()
                    + "' is a plain dataset: train it on a training set's traces (the output of generate)");
        }
        return data.trainedCase().get();
    }

    /** Trains, scores and saves into {@code directory}. */
    public static Result train(TrainingData data, Settings settings, Path directory, TrainingListener listener) {
        check(data, settings);
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
        CrossFitted[] crossFitted = {null};
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
            case MEAN_MAP, MEAN_MAP_RESIDUAL -> {
                CaseSpec spec = requireRuns(data, settings.kind());
                Conditional conditional = settings.conditional();
                Conditioning conditioning = conditional.conditioning(settings.kind(), spec);
                int residualComponents = settings.kind() == GeneratorKind.MEAN_MAP ? 0 : conditional.residualComponents();
                options.put("condition", conditioning.names());
                options.put("map_components", conditional.mapComponents());
                options.put("residual_components", residualComponents);
                options.put("folds", conditional.folds());
                MeanMapTraining.Result result = MeanMapTraining.fit(data.inputs(data.splits().train()), train.rows(),
                        data.splits().train(), spec, train.featureShape(), new MeanMapTraining.Settings(conditioning,
                                conditional.mapComponents(), residualComponents, conditional.folds(), settings.metricSeed(),
                                conditional.threads()), listener);
                crossFitted[0] = result.crossFitted();
                manifest.put("trace_error_on_test_split", MeanMapTraining.relativeError(data.test().rows(),
                        result.generator().predict(data.inputs(data.splits().test()))));
                yield result.generator();
            }
            case CONDITIONAL_WGAN_GP -> {
                CaseSpec spec = requireRuns(data, settings.kind());
                Conditioning conditioning = settings.conditional().conditioning(settings.kind(), spec);
                options.put("condition", conditioning.names());
                options.putAll(settings.gan().asMap());
                ConditionalGanTraining.Result result = ConditionalGanTraining.fit(conditioning, spec,
                        data.inputs(data.splits().train()), train, data.inputs(data.splits().validation()),
                        data.validation(), settings.energy(), settings.components(), settings.gan(), directory,
                        settings.device(), listener);
                manifest.put("training", Map.of("best_iteration", result.training().bestIteration(),
                        "best_validation_energy_distance", result.training().validationEnergy(), "log",
                        "training-log.csv"));
                yield result.generator();
            }
        };
        manifest.put("options", options);
        GeneratorMetrics metrics = GeneratorMetrics.evaluate(generator, reduction, data.test().rows(),
                settings.metricSeed());
        manifest.put("metrics_on_test_split", metrics.asMap());
        manifest.put("tool", "submodel-uq " + BuildInfo.version());
        GeneratorFiles.save(directory, generator, reduction, data.trainedCase(), manifest, crossFitted[0]);
        return new Result(generator, reduction, metrics);
    }

    /**
     * The mean map of a trained mean-map-residual generator, saved as a mean-map generator of its own with
     * the same cross-fitted predictions and fold maps, and scored on the test split: no second fit of the
     * same map.
     *
     * @throws UserInputException when {@code from} holds no mean-map-residual generator
     */
    public static Result withoutResidual(TrainingData data, Path from, Path directory, long metricSeed) {
        JsonNode source = GeneratorFiles.manifest(from);
        if (!GeneratorKind.MEAN_MAP_RESIDUAL.text().equals(source.path("kind").asText())) {
            throw new UserInputException("'" + from + "' holds a " + source.path("kind").asText() + " generator, not "
                    + GeneratorKind.MEAN_MAP_RESIDUAL.text());
        }
        MeanMapGenerator meanMap = ((MeanMapGenerator) GeneratorFiles.load(from, null, Device.cpu())).withoutResidual();
        PcaReduction reduction = GeneratorFiles.reduction(from);
        Map<String, Object> manifest = new LinkedHashMap<>();
        for (String key : List.of("data", "options", "trace_error_on_test_split")) {
            manifest.put(key, MAPPER.convertValue(source.path(key), Object.class));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) manifest.get("options");
        options.put("residual_components", 0);
        manifest.put("derived_from", from.toString());
        GeneratorMetrics metrics = GeneratorMetrics.evaluate(meanMap, reduction, data.test().rows(), metricSeed);
        manifest.put("metrics_on_test_split", metrics.asMap());
        manifest.put("tool", "submodel-uq " + BuildInfo.version());
        GeneratorFiles.save(directory, meanMap, reduction, data.trainedCase(), manifest, GeneratorFiles.crossFitted(from));
        return new Result(meanMap, reduction, metrics);
    }
}
