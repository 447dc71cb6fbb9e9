package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.core.UserInputException;

/**
 * A language model in HDF5 ({@code format = submodel-uq/matformer-model}, version 1): the shape as
 * attributes ({@code layers}, {@code d_model}, {@code heads}, {@code context}, {@code ffn_widths},
 * {@code positions}, and {@code granularity_widths} for a nested model, empty for a plain one) and one
 * float32 dataset per parameter under {@code /parameters}, named as {@link TransformerLm#shapes} lists
 * them, with its shape, except that each layer's fused {@code L.wqkv} (d, 3d) is stored as its three
 * (d, d) blocks {@code L.wq}, {@code L.wk}, {@code L.wv}, the layout files had before the fusion.
 */
public final class ModelFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/matformer-model";
    /** Current layout version. */
    public static final int VERSION = 1;

    /** The suffix of a layer's fused projection in memory, and of its blocks in the file. */
    private static final String FUSED = "wqkv";
    private static final List<String> PARTS = List.of("wq", "wk", "wv");

    private ModelFile() {
    }

    /** A model read back: the transformer, and its nested widths (empty for a plain model). */
    public record Contents(TransformerLm lm, int[] granularityWidths) {

        /** The nested model; a plain model is one granularity wide. */
        public MatLm nested() {
            return new MatLm(lm, granularityWidths.length == 0 ? new int[] {lm.shape().ffnWidths()[0]}
                    : granularityWidths);
        }
    }

    /**
     * Writes a model atomically.
     *
     * @param granularityWidths the nested widths, or an empty array for a plain model
     * @param extra more datasets (an optimiser's state), by name
     */
    public static void write(Path path, TransformerLm lm, int[] granularityWidths, Map<String, float[]> extra,
                             Map<String, Object> attributes) {
        LmShape shape = lm.shape();
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("layers", shape.layers());
            file.putAttribute("d_model", shape.dModel());
            file.putAttribute("heads", shape.heads());
            file.putAttribute("context", shape.context());
            file.putAttribute("ffn_widths", shape.ffnWidths());
            file.putAttribute("positions", shape.positions().text());
            file.putAttribute("granularity_widths", granularityWidths.length == 0 ? new int[] {0}
                    : granularityWidths);
            file.putAttribute("parameter_count", shape.parameterCount());
            attributes.forEach(file::putAttribute);
            WritableGroup group = file.putGroup("parameters");
            for (Map.Entry<String, NDArray> entry : lm.parameters().entrySet()) {
                String name = entry.getKey();
                float[] values = entry.getValue().toFloatArray();
                if (name.endsWith(FUSED)) {
                    String layer = name.substring(0, name.length() - FUSED.length());
                    for (int part = 0; part < PARTS.size(); part++) {
                        group.putDataset(layer + PARTS.get(part), block(values, shape.dModel(), part));
                    }
                } else {
                    group.putDataset(name, values);
                }
            }
            if (!extra.isEmpty()) {
                WritableGroup state = file.putGroup("state");
                extra.forEach(state::putDataset);
            }
        });
    }

    /**
     * Reads a model.
     *
     * @param expected the shape the caller needs, or null to accept any
     * @throws UserInputException when the file is not a model of this version, or of another shape
     */
    public static Contents read(Path path, NDManager manager, LmShape expected) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "MatFormer model")) {
            LmShape shape = new LmShape(integer(file, "layers"), integer(file, "d_model"), integer(file, "heads"),
                    integer(file, "context"), (int[]) file.getAttribute("ffn_widths").getData(),
                    LmShape.Positions.of((String) file.getAttribute("positions").getData()));
            if (expected != null && !expected.equals(shape)) {
                throw new UserInputException("'" + path + "' holds a model of shape " + shape + "; this needs " + expected);
            }
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, Shape> entry : TransformerLm.shapes(shape).entrySet()) {
                String name = entry.getKey();
                float[] values;
                if (name.endsWith(FUSED)) {
                    String layer = name.substring(0, name.length() - FUSED.length());
                    values = new float[(int) entry.getValue().size()];
                    for (int part = 0; part < PARTS.size(); part++) {
                        float[] block = (float[]) file.getDatasetByPath("parameters/" + layer + PARTS.get(part)).getData();
                        unblock(block, values, shape.dModel(), part);
                    }
                } else {
                    values = (float[]) file.getDatasetByPath("parameters/" + name).getData();
                }
                parameters.put(name, manager.create(values, entry.getValue()));
            }
            int[] widths = (int[]) file.getAttribute("granularity_widths").getData();
            return new Contents(TransformerLm.of(manager, shape, parameters),
                    widths.length == 1 && widths[0] == 0 ? new int[0] : widths);
        }
    }

    /** The extra datasets {@link #write} stored, by name (empty when none). */
    public static Map<String, float[]> state(Path path, List<String> names) {
        Map<String, float[]> state = new LinkedHashMap<>();
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "MatFormer model")) {
            for (String name : names) {
                Dataset dataset = file.getDatasetByPath("state/" + name);
                state.put(name, (float[]) dataset.getData());
            }
        }
        return state;
    }

    /** A numeric attribute of the file's root, or null. */
    public static Object attribute(Path path, String name) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "MatFormer model")) {
            return file.getAttribute(name) == null ? null : file.getAttribute(name).getData();
        }
    }

    /** Columns [part d, (part + 1) d) of a row-major (d, 3d) matrix, as a (d, d) one. */
    private static float[] block(float[] fused, int d, int part) {
        float[] block = new float[d * d];
        for (int row = 0; row < d; row++) {
            System.arraycopy(fused, row * 3 * d + part * d, block, row * d, d);
        }
        return block;
    }

    /** The inverse of {@link #block}: writes a (d, d) block into its columns of the (d, 3d) matrix. */
    private static void unblock(float[] block, float[] fused, int d, int part) {
        for (int row = 0; row < d; row++) {
            System.arraycopy(block, row * d, fused, row * 3 * d + part * d, d);
        }
    }

    private static int integer(HdfFile file, String name) {
        return ((Number) file.getAttribute(name).getData()).intValue();
    }
}
