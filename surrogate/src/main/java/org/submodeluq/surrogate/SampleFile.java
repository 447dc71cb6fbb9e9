package org.submodeluq.surrogate;

import io.jhdf.HdfFile;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.submodeluq.core.io.Hdf5Files;

/**
 * Generated samples in HDF5 ({@code format = submodel-uq/generated-samples}, version 1): one dataset
 * {@code /samples} of shape (n, feature shape...), the training data's own layout (for boundary traces
 * (n, nodes, 2, steps)), and root attributes naming the generator, its kind and the seed.
 */
public final class SampleFile {

    /** Layout name. */
    public static final String FORMAT = "submodel-uq/generated-samples";
    /** Layout version. */
    public static final int VERSION = 1;

    private SampleFile() {
    }

    /** Writes samples atomically, reshaped to (n, featureShape...). */
    public static void write(Path path, double[][] rows, int[] featureShape, Map<String, Object> attributes) {
        Object nested = reshape(rows, featureShape);
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            attributes.forEach(file::putAttribute);
            file.putDataset("samples", nested).putAttribute("feature_shape", featureShape);
        });
    }

    /** The samples of a file written by {@link #write}, flattened row by row. */
    public static double[][] read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "generated-samples file")) {
            Object nested = file.getDatasetByPath("samples").getData();
            double[][] rows = new double[Array.getLength(nested)][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = flatten(Array.get(nested, i));
            }
            return rows;
        }
    }

    private static Object reshape(double[][] rows, int[] featureShape) {
        int[] dimensions = new int[featureShape.length + 1];
        dimensions[0] = rows.length;
        System.arraycopy(featureShape, 0, dimensions, 1, featureShape.length);
        Object nested = Array.newInstance(double.class, dimensions);
        for (int i = 0; i < rows.length; i++) {
            int[] next = {0};
            fill(Array.get(nested, i), rows[i], next);
        }
        return nested;
    }

    private static void fill(Object target, double[] values, int[] next) {
        if (target instanceof double[] leaf) {
            System.arraycopy(values, next[0], leaf, 0, leaf.length);
            next[0] += leaf.length;
            return;
        }
        for (int i = 0; i < Array.getLength(target); i++) {
            fill(Array.get(target, i), values, next);
        }
    }

    private static double[] flatten(Object nested) {
        if (nested instanceof double[] leaf) {
            return leaf.clone();
        }
        return Arrays.stream((Object[]) nested).map(SampleFile::flatten).flatMapToDouble(Arrays::stream).toArray();
    }
}
