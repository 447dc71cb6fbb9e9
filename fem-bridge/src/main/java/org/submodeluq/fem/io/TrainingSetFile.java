package org.submodeluq.fem.io;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.Splits;

/**
 * A training set in HDF5 ({@code format = submodel-uq/training-set}, version 1): N full runs of one
 * case, sample i being sample i of the campaign's seed. Layout:
 * <pre>
 * /                     attributes: format, format_version, tool, tool_version, case_name, case_yaml,
 *                       seed, samples, solver, units
 * /inputs               (N, p)               theta per sample; attribute names
 * /traces               (N, nodes, 2, steps) cut-boundary displacement; attribute dims
 * /qoi                  (N, q)               quantities of interest; attribute names
 * /boundary/coordinates (nodes, 2)           x, y of the cut-boundary nodes, in trace order
 * /time                 (steps,)             t_1 .. t_N
 * /splits/train, /splits/validation, /splits/test   sorted int64 sample indices
 * </pre>
 */
public final class TrainingSetFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/training-set";
    /** Current layout version. */
    public static final int VERSION = 1;

    private TrainingSetFile() {
    }

    /** What a training set holds. */
    public record Contents(CaseSpec spec, long seed, String solver, SortedMap<Long, FullRun> runs, Splits splits) {
    }

    /**
     * Writes a training set atomically.
     *
     * @param runs the samples, by index 0 .. N-1
     */
    public static void write(Path path, ZonedMesh zoned, long seed, String solver, SortedMap<Long, FullRun> runs,
                             Splits splits) {
        CaseSpec spec = zoned.spec();
        int samples = runs.size();
        if (samples == 0 || runs.firstKey() != 0 || runs.lastKey() != samples - 1) {
            throw new IllegalArgumentException("a training set needs samples 0 .. N-1, got " + runs.keySet());
        }
        int modes = spec.modulusField().modes();
        double[][] inputs = new double[samples][];
        double[][][][] traces = new double[samples][][][];
        double[][] quantities = new double[samples][];
        for (int i = 0; i < samples; i++) {
            FullRun run = runs.get((long) i);
            inputs[i] = run.theta().toArray();
            traces[i] = run.traces().toArray();
            quantities[i] = run.quantities().toArray();
        }
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("case_name", spec.name());
            file.putAttribute("case_yaml", CaseFiles.toYaml(spec));
            file.putAttribute("seed", seed);
            file.putAttribute("samples", (long) samples);
            file.putAttribute("solver", solver);
            file.putAttribute("units", "those of the case (normalised: E = 1, rho = 1 in plate-impact)");
            file.putDataset("inputs", inputs).putAttribute("names", Theta.names(modes).toArray(new String[0]));
            file.putDataset("traces", traces).putAttribute("dims", new String[] {"sample", "node", "component", "step"});
            file.putDataset("qoi", quantities).putAttribute("names", QuantitiesOfInterest.NAMES.toArray(new String[0]));
            file.putGroup("boundary").putDataset("coordinates", zoned.cutNodeCoordinates());
            file.putDataset("time", spec.time().times());
            WritableGroup groups = file.putGroup("splits");
            groups.putDataset("train", splits.train());
            groups.putDataset("validation", splits.validation());
            groups.putDataset("test", splits.test());
        });
    }

    /**
     * Reads a training set.
     *
     * @throws UserInputException when the file is missing or is not a training set of this version
     */
    public static Contents read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "training set")) {
            CaseSpec spec = CaseFiles.recordedIn(file, path);
            double[][] inputs = (double[][]) file.getDatasetByPath("inputs").getData();
            double[][][][] traces = (double[][][][]) file.getDatasetByPath("traces").getData();
            double[][] quantities = (double[][]) file.getDatasetByPath("qoi").getData();
            int nodes = traces.length == 0 ? 0 : traces[0].length;
            SortedMap<Long, FullRun> runs = new TreeMap<>();
            for (int i = 0; i < inputs.length; i++) {
                runs.put((long) i, new FullRun(Theta.fromArray(inputs[i]), BoundaryTraces.of(traces[i], nodes,
                        spec.time().steps()), new QuantitiesOfInterest(quantities[i][0], quantities[i][1],
                        quantities[i][2])));
            }
            Splits splits = new Splits(longs(file, "splits/train"), longs(file, "splits/validation"),
                    longs(file, "splits/test"));
            return new Contents(spec, ((Number) file.getAttribute("seed").getData()).longValue(),
                    (String) file.getAttribute("solver").getData(), runs, splits);
        }
    }

    private static long[] longs(HdfFile file, String path) {
        return (long[]) file.getDatasetByPath(path).getData();
    }
}
