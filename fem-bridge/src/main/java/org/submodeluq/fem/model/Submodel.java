package org.submodeluq.fem.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.solver.DegreesOfFreedom;
import org.submodeluq.fem.solver.ElasticityAssembler;
import org.submodeluq.fem.solver.ExternalLoad;
import org.submodeluq.fem.solver.InterleavedNewmark;
import org.submodeluq.fem.solver.NewmarkIntegrator;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.PrescribedMotion;
import org.submodeluq.fem.solver.SimdLanes;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The zone alone, driven on its cut boundaries x = xMin and x = xMax by displacement traces, top and
 * bottom traction-free. The zone's modulus is deterministic, so its matrix is assembled and factored
 * once, here, and shared by every run; {@link #run} is safe to call from many threads. Many runs at once
 * ({@link #runAll}) go through SIMD lanes where the JVM has the Vector API ({@link SimdLanes}), with
 * the same bits as one at a time.
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

    /**
     * Runs the zone driven by each of {@code traces}, a block of {@link SimdLanes#width()} at a time (the last
     * one padded with runs at rest), or one at a time without SIMD lanes; either way the results are
     * those of {@link #run(BoundaryTraces)}.
     *
     * @param firstSample the sample index of {@code traces.get(0)}, to name a run that diverges
     * @throws DivergedRunException of the first run, in list order, that diverges, told of its sample
     */
    public List<QuantitiesOfInterest> runAll(List<BoundaryTraces> traces, long firstSample) {
        int lanes = SimdLanes.width();
        List<QuantitiesOfInterest> results = new ArrayList<>(traces.size());
        if (lanes == 0) {
            for (int k = 0; k < traces.size(); k++) {
                results.add(runSample(traces.get(k), firstSample + k));
            }
            return results;
        }
        for (int first = 0; first < traces.size(); first += lanes) {
            List<BoundaryTraces> block = traces.subList(first, Math.min(traces.size(), first + lanes));
            try {
                results.addAll(runBlock(block));
            } catch (InterleavedZoneQuantities.LaneDivergedException e) {
                for (int k = 0; k < block.size(); k++) {
                    results.add(runSample(block.get(k), firstSample + first + k));
                }
            }
        }
        return results;
    }

    private QuantitiesOfInterest runSample(BoundaryTraces traces, long sample) {
        try {
            return run(traces);
        } catch (DivergedRunException e) {
            throw e.inSample(sample);
        }
    }

    /** Up to one block of runs, each in a lane; lanes past the list stay at rest. */
    private List<QuantitiesOfInterest> runBlock(List<BoundaryTraces> block) {
        int steps = spec.time().steps();
        for (BoundaryTraces traces : block) {
            traces.requireShape(cutNodes.length, steps);
        }
        InterleavedNewmark lanes = new InterleavedNewmark(integrator);
        int width = lanes.lanes();
        InterleavedZoneQuantities quantities = new InterleavedZoneQuantities(zoneQuantities(),
                spec.material().youngsModulus(), elasticity);
        PrescribedMotion motion = (step, values) -> {
            for (int r = 0; r < block.size(); r++) {
                BoundaryTraces traces = block.get(r);
                for (int n = 0; n < cutNodes.length; n++) {
                    values[2 * n * width + r] = traces.value(n, 0, step - 1);
                    values[(2 * n + 1) * width + r] = traces.value(n, 1, step - 1);
                }
            }
        };
        lanes.run(steps, motion, quantities);
        List<QuantitiesOfInterest> results = new ArrayList<>(block.size());
        for (int r = 0; r < block.size(); r++) {
            results.add(quantities.result(r));
        }
        return results;
    }

    private ZoneQuantities zoneQuantities() {
        TriangleMesh zone = zoned.zone().mesh();
        return new ZoneQuantities(zone, IntStream.range(0, zone.cellCount()).toArray(),
                spec.material().youngsModulus(), elasticity, zoned.zoneCentre());
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
        ZoneQuantities quantities = zoneQuantities();
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
