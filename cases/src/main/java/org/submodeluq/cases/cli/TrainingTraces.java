package org.submodeluq.cases.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.matformer.encoder.TraceSet;

/**
 * A training set's runs as the encoder reads them: run i's {@link BoundaryTraces} (node, component,
 * step) flattened row-major, channel 2 node + component, the layout of a generator's samples.
 *
 * @param path where the training set was read from, for messages
 */
record TrainingTraces(Path path, TrainingSetFile.Contents contents) {

    static TrainingTraces read(Path path) {
        return new TrainingTraces(path, TrainingSetFile.read(path));
    }

    /** Channels of every run: two per cut-boundary node. */
    int channels() {
        return 2 * contents.runs().get(contents.runs().firstKey()).traces().toArray().length;
    }

    int steps() {
        return contents.spec().time().steps();
    }

    /** The train split's runs: those the generators and the encoder learn from. */
    TraceSet train() {
        return of(contents.splits().train(), "train split");
    }

    /** The validation and test splits' runs, which no generator or encoder learnt from. */
    TraceSet heldOut() {
        return of(LongStream.concat(Arrays.stream(contents.splits().validation()),
                Arrays.stream(contents.splits().test())).sorted().toArray(), "validation or test split");
    }

    /** Every run. */
    TraceSet all() {
        return of(contents.runs().keySet().stream().mapToLong(Long::longValue).toArray(), "runs");
    }

    private TraceSet of(long[] indices, String what) {
        if (indices.length == 0) {
            throw new UserInputException("training set '" + path + "' has no runs in its " + what);
        }
        double[][] runs = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            double[][][] nested = contents.runs().get(indices[i]).traces().toArray();
            runs[i] = Arrays.stream(nested).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
        }
        return new TraceSet(channels(), steps(), runs);
    }
}
