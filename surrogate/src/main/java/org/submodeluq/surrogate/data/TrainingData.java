package org.submodeluq.surrogate.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.Splits;
import org.submodeluq.surrogate.SampleFile;

/**
 * What a generator learns from: all samples and their train / validation / test splits. Read from
 * a training set's {@code /traces} and {@code /splits}, or from any HDF5 dataset of n samples
 * (n x d, or n x ... which is flattened), split 70/15/15 by a seeded shuffle. A training set's traces
 * also bring the case they were computed on.
 *
 * @param all every sample
 * @param splits which samples train, select and test
 * @param source where the data came from, for manifests and messages
 * @param trainedCase the case whose full runs made the samples: a training set's own case when they are
 *     its traces, else empty (a plain dataset says nothing of a case)
 * @param inputs each sample's inputs (theta) when the samples are a training set's traces, else no rows
 */
public record TrainingData(SampleMatrix all, Splits splits, String source, Optional<CaseSpec> trainedCase,
                           double[][] inputs) {

    /** The dataset read when none is named: a training set's traces. */
    public static final String TRACES = "/traces";

    public TrainingData {
        trainedCase = trainedCase == null ? Optional.empty() : trainedCase;
        inputs = inputs == null ? new double[0][] : inputs;
    }

    /** Samples of no known case. */
    public TrainingData(SampleMatrix all, Splits splits, String source) {
        this(all, splits, source, Optional.empty(), null);
    }

    /** Whether each sample's inputs are known, as a conditional generator needs. */
    public boolean hasInputs() {
        return inputs.length == all.size();
    }

    /** The inputs of the samples at {@code indices}. */
    public double[][] inputs(long[] indices) {
        double[][] rows = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = inputs[(int) indices[i]];
        }
        return rows;
    }

    public SampleMatrix train() {
        return all.select(splits.train());
    }

    public SampleMatrix validation() {
        return all.select(splits.validation());
    }

    public SampleMatrix test() {
        return all.select(splits.test());
    }

    /**
     * Reads an HDF5 dataset of samples.
     *
     * @param dataset path of the dataset; the file's own splits are used when it is a training set's
     *     traces, else a seeded 70/15/15 split
     * @throws UserInputException when the file or dataset is missing, not numeric, empty or not finite
     */
    public static TrainingData read(Path file, String dataset, long splitSeed) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("data file '" + file + "' is a directory; name an HDF5 file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("data file '" + file + "' does not exist");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            refuseOtherKinds(hdf, file);
            Node node;
            try {
                node = hdf.getByPath(dataset);
            } catch (HdfInvalidPathException e) {
                throw new UserInputException("dataset '" + dataset + "' not found in '" + file + "'");
            }
            if (!(node instanceof Dataset data)) {
                throw new UserInputException("'" + dataset + "' in '" + file + "' is a group, not a dataset");
            }
            Object values = data.getData();
            int[] shape = data.getDimensions();
            if (shape.length < 2 || !numeric(values)) {
                throw new UserInputException("dataset '" + dataset + "' in '" + file + "' must be a numeric array of n samples "
                        + "(n x d or n x ...); it has shape " + Arrays.toString(shape) + " and type "
                        + data.getJavaType().getSimpleName());
            }
            int[] featureShape = Arrays.copyOfRange(shape, 1, shape.length);
            double[][] rows = new double[shape[0]][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = flatten(Array.get(values, i), Arrays.stream(featureShape).reduce(1, Math::multiplyExact));
            }
            SampleMatrix all = new SampleMatrix(rows, featureShape);
            if (rows.length < 3) {
                throw new UserInputException("dataset '" + dataset + "' in '" + file + "' holds " + rows.length
                        + " sample(s); training needs at least 3, one per split");
            }
            boolean traces = isTrainingSetTraces(hdf, dataset);
            Splits splits = traces
                    ? new Splits(indices(hdf, "splits/train"), indices(hdf, "splits/validation"), indices(hdf,
                    "splits/test"))
                    : Splits.of(rows.length, new double[] {0.7, 0.15, 0.15}, splitSeed);
            Optional<CaseSpec> trainedCase = traces ? Optional.of(CaseFiles.recordedIn(hdf, file)) : Optional.empty();
            double[][] inputs = traces ? (double[][]) hdf.getDatasetByPath("inputs").getData() : null;
            return new TrainingData(all, splits, file + ":" + dataset, trainedCase, inputs);
        } catch (HdfException e) {
            throw new UserInputException("cannot read '" + dataset + "' from '" + file + "': " + e.getMessage());
        }
    }

    /**
     * A file of the project's other than a training set (a single full run, Monte Carlo results, a
     * generator) has datasets shaped like samples but is not n samples of anything a generator should
     * learn: a run file's traces would pass for 22 samples of 2 x 200. Generated samples are samples.
     */
    private static void refuseOtherKinds(HdfFile hdf, Path file) {
        var format = hdf.getAttribute("format");
        if (format != null && !TrainingSetFile.FORMAT.equals(format.getData())
                && !SampleFile.FORMAT.equals(format.getData())) {
            throw new UserInputException("data file '" + file + "' is a " + format.getData() + " file, not a training "
                    + "set: generators learn from a training set's traces (or from a plain HDF5 dataset of samples)");
        }
    }

    private static long[] indices(HdfFile hdf, String path) {
        return (long[]) hdf.getDatasetByPath(path).getData();
    }

    private static boolean isTrainingSetTraces(HdfFile hdf, String dataset) {
        var format = hdf.getAttribute("format");
        return format != null && TrainingSetFile.FORMAT.equals(format.getData())
                && dataset.replaceFirst("^/", "").equals(TRACES.substring(1));
    }

    private static boolean numeric(Object values) {
        Class<?> type = values.getClass();
        while (type.isArray()) {
            type = type.getComponentType();
        }
        return type == double.class || type == float.class || type == int.class || type == long.class
                || type == short.class || type == byte.class;
    }

    /** One sample's nested array as d doubles, row-major. */
    private static double[] flatten(Object sample, int d) {
        double[] out = new double[d];
        int[] next = {0};
        fill(sample, out, next);
        return out;
    }

    private static void fill(Object array, double[] out, int[] next) {
        if (array instanceof double[] values) {
            System.arraycopy(values, 0, out, next[0], values.length);
            next[0] += values.length;
        } else if (array.getClass().getComponentType().isArray()) {
            for (int i = 0; i < Array.getLength(array); i++) {
                fill(Array.get(array, i), out, next);
            }
        } else {
            for (int i = 0; i < Array.getLength(array); i++) {
                out[next[0]++] = ((Number) Array.get(array, i)).doubleValue();
            }
        }
    }
}
