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
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.gan.WganGpGenerator;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * A trained generator on disk: a directory with {@code manifest.json} (kind, shapes, the case it was
 * trained on, the data's hash, training options, metrics) and {@code model.h5} (the reduction, plus the
 * training samples of an empirical generator or the network weights of a WGAN-GP). Layout of model.h5, format
 * {@code submodel-uq/generator-model} version 1:
 * <pre>
 * /reduction/mean, /reduction/scale (d,)   standardisation
 * /reduction/components (k, d)             principal directions
 * /reduction/sigma (k,)                    coefficient standard deviations; attribute retained_energy
 * /empirical/samples (n, d)                empirical only
 * /generator/p0, p1, ...                   wgan-gp only: weights and biases layer by layer; attributes widths
 *                                          and condition_width (m, the generator's trailing condition inputs;
 *                                          0 when absent, as in files saved before it existed)
 * </pre>
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
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        Hdf5Files.writeAtomically(directory.resolve(MODEL_FILE), MODEL_FORMAT, VERSION, file -> {
            file.putAttribute("kind", generator.kind().text());
            WritableGroup group = file.putGroup("reduction");
            group.putDataset("mean", reduction.mean());
            group.putDataset("scale", reduction.scale());
            group.putDataset("components", reduction.componentRows());
            group.putDataset("sigma", reduction.sigma()).putAttribute("retained_energy", reduction.retainedEnergy());
            if (generator instanceof EmpiricalGenerator empirical) {
                file.putGroup("empirical").putDataset("samples", empirical.train().rows());
            } else if (generator instanceof WganGpGenerator gan) {
                WritableGroup network = file.putGroup("generator");
                network.putAttribute("widths", gan.widths());
                network.putAttribute("condition_width", gan.conditionWidth());
                for (int p = 0; p < gan.parameters().size(); p++) {
                    network.putDataset("p" + p, gan.parameters().get(p));
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
            PcaReduction reduction = readReduction(file);
            return switch (kind) {
                case EMPIRICAL -> new EmpiricalGenerator(new SampleMatrix((double[][]) data(file, "empirical/samples"),
                        shape));
                case PCA_GAUSSIAN -> new PcaGaussianGenerator(reduction, shape);
                case WGAN_GP -> {
                    Group network = (Group) file.getByPath("generator");
                    List<double[]> parameters = new ArrayList<>();
                    for (int p = 0; network.getChild("p" + p) != null; p++) {
                        parameters.add((double[]) data(file, "generator/p" + p));
                    }
                    Attribute conditionWidth = network.getAttribute("condition_width");
                    yield new WganGpGenerator(reduction, shape, (int[]) network.getAttribute("widths").getData(),
                            conditionWidth == null ? 0 : ((Number) conditionWidth.getData()).intValue(), parameters,
                            device);
                }
            };
        }
    }

    private static Object data(HdfFile file, String path) {
        return file.getDatasetByPath(path).getData();
    }

    private static PcaReduction readReduction(HdfFile file) {
        return new PcaReduction((double[]) data(file, "reduction/mean"), (double[]) data(file, "reduction/scale"),
                (double[][]) data(file, "reduction/components"), (double[]) data(file, "reduction/sigma"),
                ((Number) file.getDatasetByPath("reduction/sigma").getAttribute("retained_energy").getData())
                        .doubleValue());
    }
}
