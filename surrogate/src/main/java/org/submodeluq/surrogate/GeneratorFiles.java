package org.submodeluq.surrogate;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.conditional.ConditionalGanGenerator;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import org.submodeluq.surrogate.conditional.InputFeatures;
import org.submodeluq.surrogate.conditional.Conditioning;
import org.submodeluq.surrogate.conditional.CrossFitEnsemble;
import org.submodeluq.surrogate.conditional.CrossFitted;
import org.submodeluq.surrogate.conditional.LoadStructure;
import org.submodeluq.surrogate.conditional.MeanMap;
import org.submodeluq.surrogate.conditional.MeanMapGenerator;
import org.submodeluq.surrogate.conditional.PulseConvolution;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.gan.WganGpGenerator;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * A trained generator on disk: a directory with {@code manifest.json} (kind, shapes, the case it was
 * trained on, the data's hash, training options, metrics) and {@code model.h5} (the reduction, plus the
 * training samples of an empirical generator or the network weights of a WGAN-GP). Layout of model.h5, format
 * {@code submodel-uq/generator-model} version 1:
 * <pre>
 * /reduction/mean, /reduction/scale (d,)   standardisation (scale 1 where a PCA is unscaled, below)
 * /reduction/components (k, d)             principal directions
 * /reduction/sigma (k,)                    coefficient standard deviations; attribute retained_energy
 * /empirical/samples (n, d)                empirical only
 * /generator/p0, p1, ...                   the GANs: weights and biases layer by layer; attributes widths and
 *                                          condition_width (m, the generator's trailing condition inputs; 0 when
 *                                          absent, as in files saved before it existed)
 * /conditional_reduction/, /features/      cwgan-gp: the components of the unit-amplitude traces its network draws
 *                                          coefficients of, laid out as /reduction; its standardised condition inputs
 * attribute load_structure (3,)            conditional kinds: amplitude factored out, duration convolved (1 or 0),
 *                                          reference duration (NaN when not convolved): {@link LoadStructure#toArray()}
 * /mean_map/features/positions, mean, spread      mean-map kinds: the standardised inputs the map reads
 * /mean_map/ridge/intercept (d,), coefficients (p, d); attribute alpha
 * /mean_map/residual_pca/                 what the ridge leaves: a reduction, unscaled, laid out as /reduction
 * /mean_map/gaussian_processes/inputs (n, p), outputs (k, n), hyperparameters (k, p + 2)
 * /residual/                              mean-map-residual only: the PCA-Gaussian residual at unit amplitude, unscaled
 * /cross_fitted/runs (n,), folds (n,), predictions (n, d)   mean-map kinds: each fitting run's prediction by
 *                                          the fit that left its fold out (runs index the training set)
 * /cross_fitted/fold_maps/0, 1, ..., K-1  the K fits that left each fold out, each laid out as /mean_map (absent
 *                                          in files saved before they were kept)
 * </pre>
 * The manifest of a conditional kind records its conditioning ({@value #CONDITIONING}: the input names) beside
 * the case.
 */
public final class GeneratorFiles {

    /** Layout name of model.h5. */
    public static final String MODEL_FORMAT = "submodel-uq/generator-model";
    /** The model's file in a generator directory. */
    public static final String MODEL_FILE = "model.h5";
    /** Layout name in manifest.json. */
    public static final String MANIFEST_FORMAT = "submodel-uq/generator";
    /** Version of both. */
    public static final int VERSION = 1;
    /**
     * Manifest key of the case the training data came from: {@code {"name": ..., "yaml": ...}}, the YAML
     * complete (defaults included). Absent for a generator trained on a plain dataset, and for one saved
     * before the key existed (the version stayed 1: a reader that ignores the key loses nothing).
     */
    public static final String CASE = "case";

    /** Manifest key of a conditional generator's conditioned inputs, a list of the case's input names. */
    public static final String CONDITIONING = "conditioning";
    /** Root attribute of a conditional generator's load structure (not a group: jhdf 0.13 writes a group that holds attributes only unreadably). */
    private static final String LOAD_STRUCTURE = "load_structure";
    /** Group of the fold maps under /cross_fitted. */
    private static final String FOLD_MAPS = "fold_maps";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GeneratorFiles() {
    }

    /**
     * Writes a generator and its manifest into {@code directory}.
     *
     * @param trainedCase the case of the training data, empty when it is a plain dataset
     * @param manifest everything else worth recording (data, options, metrics); format, version, kind,
     *     shapes and the case are added here
     */
    public static void save(Path directory, BoundaryConditionGenerator generator, PcaReduction reduction,
                            Optional<CaseSpec> trainedCase, Map<String, Object> manifest) {
        save(directory, generator, reduction, trainedCase, manifest, null);
    }

    /**
     * Writes a generator, its manifest and, for a mean map, the cross-fitted predictions of its fitting runs.
     *
     * @param crossFitted the predictions, or null
     */
    public static void save(Path directory, BoundaryConditionGenerator generator, PcaReduction reduction,
                            Optional<CaseSpec> trainedCase, Map<String, Object> manifest, CrossFitted crossFitted) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        Hdf5Files.writeAtomically(directory.resolve(MODEL_FILE), MODEL_FORMAT, VERSION, file -> {
            file.putAttribute("kind", generator.kind().text());
            reduction.write(file.putGroup("reduction"));
            if (generator instanceof EmpiricalGenerator empirical) {
                file.putGroup("empirical").putDataset("samples", empirical.train().rows());
            } else if (generator instanceof WganGpGenerator gan) {
                writeNetwork(file.putGroup("generator"), gan);
            } else if (generator instanceof ConditionalGanGenerator conditional) {
                file.putAttribute(LOAD_STRUCTURE, conditional.structure().toArray());
                conditional.features().write(file, "features");
                conditional.reduction().write(file.putGroup("conditional_reduction"));
                writeNetwork(file.putGroup("generator"), conditional.network());
            } else if (generator instanceof MeanMapGenerator meanMap) {
                file.putAttribute(LOAD_STRUCTURE, meanMap.structure().toArray());
                meanMap.map().write(file.putGroup("mean_map"));
                if (meanMap.residual() != null) {
                    meanMap.residual().write(file.putGroup("residual"));
                }
            }
            if (crossFitted != null) {
                WritableGroup group = file.putGroup("cross_fitted");
                group.putDataset("runs", crossFitted.runs());
                group.putDataset("folds", crossFitted.folds());
                group.putDataset("predictions", crossFitted.predictions());
                if (!crossFitted.maps().isEmpty()) {
                    WritableGroup maps = group.putGroup(FOLD_MAPS);
                    for (int k = 0; k < crossFitted.maps().size(); k++) {
                        crossFitted.maps().get(k).write(maps.putGroup(Integer.toString(k)));
                    }
                }
            }
        });
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("format", MANIFEST_FORMAT);
        full.put("format_version", VERSION);
        full.put("kind", generator.kind().text());
        full.put("feature_shape", generator.featureShape());
        full.put("features", reduction.mean().length);
        full.put("components", reduction.components());
        full.put("retained_energy", reduction.retainedEnergy());
        if (generator instanceof ConditionalGenerator conditional) {
            full.put(CONDITIONING, conditional.conditioning().names());
        }
        trainedCase.ifPresent(spec -> {
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("name", spec.name());
            recorded.put("yaml", CaseFiles.toYaml(spec));
            full.put(CASE, recorded);
        });
        full.putAll(manifest);
        try {
            Path temporary = directory.resolve(".manifest.json.tmp");
            JSON.writeValue(temporary.toFile(), full);
            Files.move(temporary, directory.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a model directory. */
    public static JsonNode manifest(Path directory) {
        Path file = directory.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("'" + directory + "' is not a generator model directory: it has no manifest.json");
        }
        try {
            JsonNode manifest = JSON.readTree(file.toFile());
            if (!MANIFEST_FORMAT.equals(manifest.path("format").asText())) {
                throw new UserInputException("'" + file + "' is not a submodel-uq generator manifest");
            }
            if (manifest.path("format_version").asInt() != VERSION) {
                throw new UserInputException("'" + file + "' is generator version " + manifest.path("format_version")
                        + "; this build reads version " + VERSION);
            }
            return manifest;
        } catch (IOException e) {
            throw new UserInputException("cannot read '" + file + "': " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * The case the generator's training data came from, as its manifest records it; empty for a generator
     * trained on a plain dataset or saved before manifests recorded the case.
     *
     * @throws UserInputException when the directory holds no generator, or its recorded case is not a valid
     *     case for this build
     */
    public static Optional<CaseSpec> trainedCase(Path directory) {
        JsonNode recorded = manifest(directory).path(CASE);
        if (recorded.isMissingNode()) {
            return Optional.empty();
        }
        if (!recorded.path("yaml").isTextual()) {
            throw new UserInputException("'" + directory.resolve("manifest.json") + "': " + CASE
                    + " has no yaml text");
        }
        return Optional.of(CaseFiles.parse(recorded.path("yaml").asText(),
                directory.resolve("manifest.json") + ":" + CASE + ".yaml"));
    }

    /**
     * Loads a generator.
     *
     * @param expectedShape the sample shape the caller needs, or null to accept any
     * @throws UserInputException when the directory holds no generator, or one of another shape
     */
    public static BoundaryConditionGenerator load(Path directory, int[] expectedShape, Device device) {
        JsonNode manifest = manifest(directory);
        GeneratorKind kind = GeneratorKind.of(manifest.path("kind").asText());
        int[] shape = JSON.convertValue(manifest.path("feature_shape"), int[].class);
        if (expectedShape != null && !Arrays.equals(shape, expectedShape)) {
            throw new UserInputException("generator '" + directory + "' makes samples of shape " + Arrays.toString(shape)
                    + "; this needs " + Arrays.toString(expectedShape));
        }
        try (HdfFile file = Hdf5Files.open(directory.resolve(MODEL_FILE), MODEL_FORMAT, VERSION, "generator model")) {
            if (!kind.text().equals(file.getAttribute("kind").getData())) {
                throw new UserInputException("'" + directory + "': manifest.json says " + kind.text() + ", model.h5 says "
                        + file.getAttribute("kind").getData());
            }
            PcaReduction reduction = PcaReduction.read((Group) file.getByPath("reduction"));
            return switch (kind) {
                case EMPIRICAL -> new EmpiricalGenerator(new SampleMatrix((double[][]) data(file, "empirical/samples"),
                        shape));
                case PCA_GAUSSIAN -> new PcaGaussianGenerator(reduction, shape);
                case WGAN_GP -> readNetwork((Group) file.getByPath("generator"), reduction, shape, device);
                case MEAN_MAP, MEAN_MAP_RESIDUAL -> {
                    CaseSpec spec = trainedCase(directory).orElseThrow(() -> new UserInputException("'" + directory
                            + "': a " + kind.text() + " generator's manifest must record its case"));
                    Conditioning conditioning = conditioning(manifest, spec, directory);
                    yield new MeanMapGenerator(conditioning, spec, LoadStructure.fromArray((double[]) file.getAttribute(
                            LOAD_STRUCTURE).getData(), spec), MeanMap.read((Group) file.getByPath("mean_map")), kind == GeneratorKind.MEAN_MAP
                            ? null : PcaReduction.read((Group) file.getByPath("residual")), shape);
                }
                case CONDITIONAL_WGAN_GP -> {
                    CaseSpec spec = trainedCase(directory).orElseThrow(() -> new UserInputException("'" + directory
                            + "': a " + kind.text() + " generator's manifest must record its case"));
                    PcaReduction own = PcaReduction.read((Group) file.getByPath("conditional_reduction"));
                    yield new ConditionalGanGenerator(conditioning(manifest, spec, directory), spec,
                            LoadStructure.fromArray((double[]) file.getAttribute(LOAD_STRUCTURE).getData(), spec),
                            InputFeatures.read(file, "features"), own,
                            readNetwork((Group) file.getByPath("generator"), own, shape, device));
                }
            };
        }
    }

    /** The reduction of the training traces a generator's metrics were computed in ({@code /reduction}). */
    public static PcaReduction reduction(Path directory) {
        manifest(directory);
        try (HdfFile file = Hdf5Files.open(directory.resolve(MODEL_FILE), MODEL_FORMAT, VERSION, "generator model")) {
            return PcaReduction.read((Group) file.getByPath("reduction"));
        }
    }

    /**
     * The cross-fitted predictions a mean-map generator keeps of the runs it was fitted on, with the fold maps
     * that made them (none in a file saved before they were kept).
     *
     * @throws UserInputException when the directory holds no generator, or one without them
     */
    public static CrossFitted crossFitted(Path directory) {
        manifest(directory);
        try (HdfFile file = Hdf5Files.open(directory.resolve(MODEL_FILE), MODEL_FORMAT, VERSION, "generator model")) {
            if (file.getChild("cross_fitted") == null) {
                throw new UserInputException("generator '" + directory + "' keeps no cross-fitted predictions: only the "
                        + "mean-map kinds do");
            }
            List<MeanMap> maps = new ArrayList<>();
            Group group = (Group) file.getChild("cross_fitted");
            if (group.getChild(FOLD_MAPS) != null) {
                Group folds = (Group) group.getChild(FOLD_MAPS);
                for (int k = 0; folds.getChild(Integer.toString(k)) != null; k++) {
                    maps.add(MeanMap.read((Group) folds.getChild(Integer.toString(k))));
                }
            }
            return new CrossFitted((long[]) data(file, "cross_fitted/runs"), (int[]) data(file, "cross_fitted/folds"),
                    (double[][]) data(file, "cross_fitted/predictions"), maps);
        }
    }

    /**
     * The surrogate a mean-map generator's cross-fitted pairs came from: the cheap samples of a multifidelity
     * estimate that uses those pairs must be drawn from it.
     *
     * @throws UserInputException when the directory holds no mean-map generator, or one saved before the fold maps
     *     were kept
     */
    public static CrossFitEnsemble crossFitEnsemble(Path directory) {
        CrossFitted crossFitted = crossFitted(directory);
        if (crossFitted.maps().isEmpty()) {
            throw new UserInputException("generator '" + directory + "' keeps its cross-fitted predictions but not the "
                    + "fold maps that made them (saved before they were kept): train it again to draw cheap samples "
                    + "from the surrogate of its pairs");
        }
        return CrossFitEnsemble.of((MeanMapGenerator) load(directory, null, Device.cpu()), crossFitted);
    }

    private static void writeNetwork(WritableGroup group, WganGpGenerator network) {
        group.putAttribute("widths", network.widths());
        group.putAttribute("condition_width", network.conditionWidth());
        for (int p = 0; p < network.parameters().size(); p++) {
            group.putDataset("p" + p, network.parameters().get(p));
        }
    }

    /** The network {@link #writeNetwork} wrote; a file saved before conditions existed has condition width 0. */
    private static WganGpGenerator readNetwork(Group group, PcaReduction reduction, int[] shape, Device device) {
        List<double[]> parameters = new ArrayList<>();
        for (int p = 0; group.getChild("p" + p) != null; p++) {
            parameters.add((double[]) group.getDatasetByPath("p" + p).getData());
        }
        Attribute conditionWidth = group.getAttribute("condition_width");
        return new WganGpGenerator(reduction, shape, (int[]) group.getAttribute("widths").getData(),
                conditionWidth == null ? 0 : ((Number) conditionWidth.getData()).intValue(), parameters, device);
    }

    private static Object data(HdfFile file, String path) {
        return file.getDatasetByPath(path).getData();
    }

    private static Conditioning conditioning(JsonNode manifest, CaseSpec spec, Path directory) {
        JsonNode names = manifest.path(CONDITIONING);
        if (!names.isArray() || names.isEmpty()) {
            throw new UserInputException("'" + directory.resolve("manifest.json") + "' records no " + CONDITIONING
                    + " for its conditional generator");
        }
        List<String> list = new ArrayList<>();
        names.forEach(name -> list.add(name.asText()));
        return Conditioning.parse(String.join(",", list), spec);
    }

}
