package org.submodeluq.cases.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.submodeluq.core.engine.SampleComputer;
import org.submodeluq.core.engine.SampleWork;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.FullRunRecord;

/**
 * A training campaign's full runs as a cluster computes them: key i is sample i's {@link FullRunRecord},
 * run by the chosen solver (FEniCS workers of the executor's own, or the Java solver) at the inputs the
 * seed gives sample i.
 */
public final class FullRunWork implements SampleWork {

    private static final long serialVersionUID = 1L;

    private final String caseYaml;
    private final long seed;
    private final FullSolvers.Choice choice;
    private final FullSolvers.FenicsOptions fenics;

    /** The runs of {@code spec} at {@code seed} with the solver chosen. */
    public FullRunWork(CaseSpec spec, long seed, FullSolvers.Choice choice, FullSolvers.FenicsOptions fenics) {
        this.caseYaml = CaseFiles.toYaml(spec);
        this.seed = seed;
        this.choice = choice;
        this.fenics = fenics;
    }

    /** Opens the solver with {@code slots} workers or threads; FEniCS workers log in a directory of the executor's. */
    @Override
    public SampleComputer open(int slots, Map<Path, Path> local) {
        CaseSpec spec = CaseFiles.parse(caseYaml, "the campaign's case");
        ZonedMesh zoned = new ZonedMesh(spec);
        Path logs;
        try {
            logs = Files.createTempDirectory("submodel-uq-fenics-logs-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the FEniCS workers' logs", e);
        }
        FullModelSolver solver = FullSolvers.open(choice, zoned, slots, fenics, logs,
                event -> System.err.println("submodel-uq: " + event));
        ThetaSampler inputs = new ThetaSampler(spec, seed);
        FullRunRecord records = new FullRunRecord(zoned);
        return new SampleComputer() {
            @Override
            public double[] compute(long index) {
                return records.encode(solver.run(index, inputs.sample(index)));
            }

            @Override
            public String description() {
                return solver.description();
            }

            @Override
            public void close() {
                solver.close();
            }
        };
    }
}
