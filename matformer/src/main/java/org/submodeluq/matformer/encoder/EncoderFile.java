package org.submodeluq.matformer.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.Hdf5Files;

/**
 * A trace encoder in HDF5 ({@code format = submodel-uq/matformer-encoder}, version 1): the shape as
 * attributes ({@code channels}, {@code steps}, {@code patch}, {@code layers}, {@code d_model},
 * {@code heads}, {@code ffn_widths}, {@code embedding}, {@code granularity_widths},
 * {@code parameter_count}, and whatever the trainer records), the channel scaling as float64
 * {@code /scaling/mean} and {@code /scaling/scale}, and one float32 dataset per parameter under
 * {@code /parameters}, named as {@link TraceEncoder#shapes} lists them.
 */
public final class EncoderFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/matformer-encoder";
    /** Current layout version. */
    public static final int VERSION = 1;
    /** What errors call this file. */
    private static final String WHAT = "MatFormer encoder";
    private static final Set<String> SHAPE_ATTRIBUTES = Set.of("channels", "steps", "patch", "layers", "d_model",
            "heads", "ffn_widths", "embedding", "granularity_widths", "parameter_count");

    private EncoderFile() {
    }

    /**
     * Writes an encoder atomically, with more root {@code attributes} (the training options, say), none
     * named as a shape attribute.
     */
    public static void write(Path path, TraceEncoder encoder, Map<String, Object> attributes) {
        attributes.keySet().stream().filter(SHAPE_ATTRIBUTES::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("attribute '" + name + "' would overwrite the encoder's shape");
        });
        EncoderShape shape = encoder.shape();
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("channels", shape.channels());
            file.putAttribute("steps", shape.steps());
            file.putAttribute("patch", shape.patch());
            file.putAttribute("layers", shape.layers());
            file.putAttribute("d_model", shape.dModel());
            file.putAttribute("heads", shape.heads());
            file.putAttribute("ffn_widths", shape.ffnWidths());
            file.putAttribute("embedding", shape.embedding());
            file.putAttribute("granularity_widths", encoder.granularityWidths());
            file.putAttribute("parameter_count", shape.parameterCount());
            attributes.forEach(file::putAttribute);
            WritableGroup scaling = file.putGroup("scaling");
            scaling.putDataset("mean", encoder.scaling().mean());
            scaling.putDataset("scale", encoder.scaling().scale());
            WritableGroup group = file.putGroup("parameters");
            for (Map.Entry<String, NDArray> entry : encoder.parameters().entrySet()) {
                group.putDataset(entry.getKey(), entry.getValue().toFloatArray());
            }
        });
    }

    /**
     * Reads an encoder.
     *
     * @throws UserInputException when the file is not an encoder of this version
     */
    public static TraceEncoder read(Path path, NDManager manager) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, WHAT)) {
            EncoderShape shape = new EncoderShape(integer(file, "channels"), integer(file, "steps"),
                    integer(file, "patch"), integer(file, "layers"), integer(file, "d_model"), integer(file, "heads"),
                    (int[]) file.getAttribute("ffn_widths").getData(), integer(file, "embedding"));
            ChannelScaling scaling = new ChannelScaling((double[]) file.getDatasetByPath("scaling/mean").getData(),
                    (double[]) file.getDatasetByPath("scaling/scale").getData());
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, Shape> entry : TraceEncoder.shapes(shape).entrySet()) {
                float[] values = (float[]) file.getDatasetByPath("parameters/" + entry.getKey()).getData();
                parameters.put(entry.getKey(), manager.create(values, entry.getValue()));
            }
            return TraceEncoder.of(manager, shape, (int[]) file.getAttribute("granularity_widths").getData(), scaling,
                    parameters);
        }
    }

    /** A root attribute's value, or null when there is none. */
    public static Object attribute(Path path, String name) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, WHAT)) {
            return file.getAttribute(name) == null ? null : file.getAttribute(name).getData();
        }
    }

    private static int integer(HdfFile file, String name) {
        return ((Number) file.getAttribute(name).getData()).intValue();
    }
}
