package org.submodeluq.fem.model;

import java.util.stream.IntStream;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.solver.DegreesOfFreedom;
import org.submodeluq.fem.solver.ElasticityAssembler;
import org.submodeluq.fem.solver.NewmarkIntegrator;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.PrescribedMotion;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.fem.solver.SystemMatrices;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The whole plate: clamped on x = 0, struck on x = length, random modulus outside the zone. Each run
 * assembles and factors its own matrix (the modulus field changes with theta), steps through the
 * time grid, and records the zone's boundary traces and quantities of interest.
 */
public final class FullModel {

    private final CaseSpec spec;
    private final ZonedMesh zoned;
    private final YoungsModulusField modulus;
    private final PlaneElasticity elasticity;
    private final int[] clampedDofs;

    public FullModel(CaseSpec spec) {
        this(new ZonedMesh(spec));
    }

    public FullModel(ZonedMesh zoned) {
        this.spec = zoned.spec();
        this.zoned = zoned;
        this.modulus = new YoungsModulusField(zoned);
        this.elasticity = new PlaneElasticity(spec.material().poissonRatio(), spec.material().hypothesis());
        this.clampedDofs = DegreesOfFreedom.ofNodes(zoned.clampedNodes());
    }

    public ZonedMesh mesh() {
        return zoned;
    }

    /** Runs theta through the time grid. */
    public FullRun run(Theta theta) {
        return run(theta, (step, time, u, v, a) -> { });
    }

    /**
     * Runs theta through the time grid.
     *
     * @param observer also sees every step's state, over the full mesh's degrees of freedom
     */
    public FullRun run(Theta theta, StepObserver observer) {
        SystemMatrices system = assemble(theta);
        NewmarkIntegrator integrator = new NewmarkIntegrator(system, zoned.full(), clampedDofs, spec.time().dt());
        BoundaryTraces.Recorder traces = new BoundaryTraces.Recorder(zoned.cutNodesInFull(), spec.time().steps());
        ZoneQuantities quantities = new ZoneQuantities(zoned.full(), zoned.zoneCellsInFull(),
                spec.material().youngsModulus(), elasticity, zoned.zoneCentre());
        integrator.run(spec.time().steps(), TractionLoad.of(zoned, theta), PrescribedMotion.CLAMPED,
                traces.andThen(quantities).andThen(observer));
        return new FullRun(theta, traces.traces(), quantities.result());
    }

    /**
     * A recorder of this model's fields under theta, every k-th step, for {@link #run(Theta, StepObserver)}.
     *
     * @param zoneOnly keep them on the zone's mesh rather than the whole plate's
     */
    public FieldRecorder fieldRecorder(Theta theta, boolean zoneOnly, int every) {
        double[] moduli = modulus.cellModuli(theta.xi());
        TriangleMesh full = zoned.full();
        if (!zoneOnly) {
            int[] nodes = IntStream.range(0, full.nodeCount()).toArray();
            int[] cells = IntStream.range(0, full.cellCount()).toArray();
            return new FieldRecorder("full", full, full, nodes, cells, moduli, elasticity, spec.time().steps(), every);
        }
        int[] zoneCells = zoned.zoneCellsInFull();
        return new FieldRecorder("zone", full, zoned.zone().mesh(), zoned.zone().parentNodes(), zoneCells,
                IntStream.of(zoneCells).mapToDouble(c -> moduli[c]).toArray(), elasticity, spec.time().steps(), every);
    }

    /** K and M of the full mesh for the modulus field of theta. */
    public SystemMatrices assemble(Theta theta) {
        return ElasticityAssembler.assemble(zoned.full(), modulus.cellModuli(theta.xi()), elasticity,
                spec.material().density());
    }
}
