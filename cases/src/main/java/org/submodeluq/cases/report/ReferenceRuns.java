package org.submodeluq.cases.report;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;

/**
 * What the report compares the generators with: the test split of the training set, which neither
 * generator was fitted on, plus the training set's provenance.
 *
 * @param contents the whole training set
 * @param quantities per quantity (in {@link QuantitiesOfInterest#NAMES} order), its value in each test run
 * @param traces each test run's boundary traces
 * @param coordinates x, y of each cut-boundary node, in trace order
 * @param toolVersion the submodel-uq version that wrote the file
 */
record ReferenceRuns(TrainingSetFile.Contents contents, double[][] quantities, List<BoundaryTraces> traces,
                     double[][] coordinates, String toolVersion) {

    static ReferenceRuns read(Path path) {
        TrainingSetFile.Contents contents = TrainingSetFile.read(path);
        long[] test = contents.splits().test();
        double[][] quantities = new double[QuantitiesOfInterest.NAMES.size()][test.length];
        List<BoundaryTraces> traces = new ArrayList<>();
        for (int i = 0; i < test.length; i++) {
            FullRun run = contents.runs().get(test[i]);
            double[] values = run.quantities().toArray();
            for (int q = 0; q < values.length; q++) {
                quantities[q][i] = values[q];
            }
            traces.add(run.traces());
        }
        try (HdfFile file = Hdf5Files.open(path, TrainingSetFile.FORMAT, TrainingSetFile.VERSION, "training set")) {
            return new ReferenceRuns(contents, quantities, traces,
                    (double[][]) file.getDatasetByPath("boundary/coordinates").getData(),
                    (String) file.getAttribute("tool_version").getData());
        }
    }

    /** Time steps per trace. */
    int steps() {
        return contents.spec().time().steps();
    }

    /** Shape of one generated sample: nodes x 2 x steps. */
    int[] sampleShape() {
        return new int[] {coordinates.length, 2, steps()};
    }
}
