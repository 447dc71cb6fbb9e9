package org.submodeluq.fem.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableDataset;
import java.nio.file.Path;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * One full-model run in HDF5 ({@code format = submodel-uq/full-run}, version 1). Layout:
 * <pre>
 * /            attributes: format, format_version, tool, tool_version, case_name, case_yaml, seed,
 *              sample_index, solver, units
 * /theta       (n_theta,)             inputs; attribute names
 * /qoi         (3,)                   quantities of interest; attribute names
 * /traces      (nodes, 2, steps)      cut-boundary displacement; attribute dims
 * /trace_nodes (nodes, 2)             x, y of the cut-boundary nodes, in trace order
 * /time        (steps,)               t_1 .. t_N
 * </pre>
 */
public final class RunFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/full-run";
    /** Current layout version. */
    public static final int VERSION = 1;
    private RunFile() {
    }

    /** Writes a run atomically. */
    public static void write(Path path, ZonedMesh zoned, long seed, long sampleIndex, FullRun run) {
        CaseSpec spec = zoned.spec();
        int modes = run.theta().xi().length;
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("case_name", spec.name());
            file.putAttribute("case_yaml", CaseFiles.toYaml(spec));
            file.putAttribute("seed", seed);
            file.putAttribute("sample_index", sampleIndex);
            file.putAttribute("solver", JavaSolver.DESCRIPTION);
            file.putAttribute("units", "those of the case (normalised: E = 1, rho = 1 in plate-impact)");
            WritableDataset theta = file.putDataset("theta", run.theta().toArray());
            theta.putAttribute("names", Theta.names(modes).toArray(new String[0]));
            WritableDataset qoi = file.putDataset("qoi", run.quantities().toArray());
            qoi.putAttribute("names", QuantitiesOfInterest.NAMES.toArray(new String[0]));
            WritableDataset traces = file.putDataset("traces", run.traces().toArray());
            traces.putAttribute("dims", new String[] {"node", "component", "step"});
            file.putDataset("trace_nodes", zoned.cutNodeCoordinates()).putAttribute("dims", new String[] {"node", "xy"});
            file.putDataset("time", spec.time().times());
        });
    }

    /** What a run file holds, read back. */
    public record Contents(CaseSpec spec, long seed, long sampleIndex, FullRun run) {
    }

    /**
     * Reads a run file.
     *
     * @throws UserInputException when the file is missing or is not a run file
     */
    public static Contents read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "run file")) {
            CaseSpec spec = CaseFiles.recordedIn(file, path);
            long seed = ((Number) file.getAttribute("seed").getData()).longValue();
            long sampleIndex = ((Number) file.getAttribute("sample_index").getData()).longValue();
            double[] theta = (double[]) dataset(file, "theta").getData();
            double[] qoi = (double[]) dataset(file, "qoi").getData();
            double[][][] traces = (double[][][]) dataset(file, "traces").getData();
            ZonedMesh zoned = new ZonedMesh(spec);
            FullRun run = new FullRun(Theta.fromArray(theta), BoundaryTraces.of(traces, zoned.cutNodeCount(),
                    spec.time().steps()), new QuantitiesOfInterest(qoi[0], qoi[1], qoi[2]));
            return new Contents(spec, seed, sampleIndex, run);
        }
    }

    private static Dataset dataset(HdfFile file, String name) {
        return file.getDatasetByPath(name);
    }
}
