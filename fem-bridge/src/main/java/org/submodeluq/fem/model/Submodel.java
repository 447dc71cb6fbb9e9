package org.submodeluq.fem.model;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.solver.DegreesOfFreedom;
import org.submodeluq.fem.solver.ElasticityAssembler;
import org.submodeluq.fem.solver.ExternalLoad;
import org.submodeluq.fem.solver.NewmarkIntegrator;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.PrescribedMotion;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The zone alone, driven on its cut boundaries x = xMin and x = xMax by displacement traces, top and
 * bottom traction-free. The zone's modulus is deterministic, so its matrix is assembled and factored
 * once, here, and shared by every run; {@link #run} is safe to call from many threads.
 */
public final class Submodel {

    private final CaseSpec spec;
    private final ZonedMesh zoned;
    private final NewmarkIntegrator integrator;
    private final PlaneElasticity elasticity;
    private final int[] cutNodes;

    public Submodel(CaseSpec spec) {
        this(new ZonedMesh(spec));
    }

    public Submodel(ZonedMesh zoned) {
        this.spec = zoned.spec();
        this.zoned = zoned;
        TriangleMesh zone = zoned.zone().mesh();
        this.elasticity = new PlaneElasticity(spec.material().poissonRatio(), spec.material().hypothesis());
        double[] moduli = new double[zone.cellCount()];
        Arrays.fill(moduli, spec.material().youngsModulus());
        this.cutNodes = zoned.cutNodesInZone();
        int[] cutDofs = DegreesOfFreedom.ofNodes(cutNodes);
        this.integrator = new NewmarkIntegrator(
                ElasticityAssembler.assemble(zone, moduli, elasticity, spec.material().density()),
                zone, cutDofs, spec.time().dt());
    }

    public ZonedMesh mesh() {
        return zoned;
    }

    /** Entries of the shared Cholesky factor. */
    public int factorNonZeros() {
        return integrator.factorNonZeros();
    }

    /** A recorder of the zone's fields every k-th step, for {@link #run(BoundaryTraces, StepObserver)}. */
    public FieldRecorder fieldRecorder(int every) {
        TriangleMesh zone = zoned.zone().mesh();
        int[] nodes = IntStream.range(0, zone.nodeCount()).toArray();
        int[] cells = IntStream.range(0, zone.cellCount()).toArray();
        double[] moduli = new double[zone.cellCount()];
        Arrays.fill(moduli, spec.material().youngsModulus());
        return new FieldRecorder("zone", zone, zone, nodes, cells, moduli, elasticity, spec.time().steps(), every);
    }

    /** Runs the zone driven by {@code traces}. */
    public QuantitiesOfInterest run(BoundaryTraces traces) {
        return run(traces, (step, time, u, v, a) -> { });
    }

    /**
     * Runs the zone driven by {@code traces}.
     *
     * @param observer also sees every step's state, over the zone mesh's degrees of freedom
     * @throws org.submodeluq.core.UserInputException when the traces do not have the zone's shape
     */
    public QuantitiesOfInterest run(BoundaryTraces traces, StepObserver observer) {
        traces.requireShape(cutNodes.length, spec.time().steps());
        TriangleMesh zone = zoned.zone().mesh();
        ZoneQuantities quantities = new ZoneQuantities(zone, IntStream.range(0, zone.cellCount()).toArray(),
                spec.material().youngsModulus(), elasticity, zoned.zoneCentre());
        PrescribedMotion motion = (step, values) -> {
            for (int n = 0; n < cutNodes.length; n++) {
                values[2 * n] = traces.value(n, 0, step - 1);
                values[2 * n + 1] = traces.value(n, 1, step - 1);
            }
        };
        integrator.run(spec.time().steps(), ExternalLoad.none(integrator.dofCount()), motion,
                quantities.andThen(observer));
        return quantities.result();
    }
}
