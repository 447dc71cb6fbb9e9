package org.submodeluq.fem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.solver.CellStrains;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.StepObserver;

/**
 * Keeps a run's displacement, velocity and von Mises stress on the mesh they are shown on, every
 * k-th step, as a {@link FieldSeries}. The shown mesh may be part of the run's (the zone of a full
 * run): its nodes and cells are read through their indices in the run's mesh. Stresses come from
 * the same strains and Hooke's law as the quantities of interest, so the largest von Mises stress
 * on the zone over time is {@code peak_von_mises}.
 */
public final class FieldRecorder implements StepObserver {

    private final String meshName;
    private final TriangleMesh shown;
    private final int[] nodesInRun;
    private final CellStrains strains;
    private final double[] moduli;
    private final PlaneElasticity elasticity;
    private final int every;
    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<double[][]> displacement = new ArrayList<>();
    private final List<double[][]> velocity = new ArrayList<>();
    private final List<double[]> vonMises = new ArrayList<>();

    /**
     * @param meshName what the shown mesh is ({@code full}, {@code zone})
     * @param runMesh the mesh whose degrees of freedom the run's states are indexed by
     * @param shown the mesh the fields are kept on
     * @param nodesInRun the run-mesh index of each shown node
     * @param cellsInRun the run-mesh index of each shown cell
     * @param moduli Young's modulus of each shown cell
     * @param steps the run's number of time steps
     * @param every keep steps every, 2 every, ...
     * @throws UserInputException (field {@code fieldsEvery}) when the kept steps cannot fit in the memory
     *     this JVM may use
     */
    FieldRecorder(String meshName, TriangleMesh runMesh, TriangleMesh shown, int[] nodesInRun, int[] cellsInRun,
                  double[] moduli, PlaneElasticity elasticity, int steps, int every) {
        if (every < 1) {
            throw new UserInputException("fieldsEvery", "= " + every + " is not allowed: keep every k-th step, k >= 1");
        }
        if (every > steps) {
            throw new UserInputException("fieldsEvery", "= " + every + " keeps no step of the case's " + steps
                    + ": choose k <= " + steps);
        }
        requireFits(shown, steps / every, every, Runtime.getRuntime().maxMemory());
        this.meshName = meshName;
        this.shown = shown;
        this.nodesInRun = nodesInRun.clone();
        this.strains = new CellStrains(runMesh, cellsInRun);
        this.moduli = moduli.clone();
        this.elasticity = elasticity;
        this.every = every;
    }

    /**
     * Per kept step and node, two vectors of three components as Java arrays (24 bytes of values, 16 of
     * header, 8 of reference each); per cell, one value.
     */
    private static void requireFits(TriangleMesh shown, int kept, int every, long available) {
        double bytes = (double) kept * (2.0 * shown.nodeCount() * (24 + 16 + 8) + 8.0 * shown.cellCount());
        if (bytes > 0.5 * available) {
            throw new UserInputException("fieldsEvery", String.format(Locale.ROOT, "= %d keeps %d steps of fields on "
                    + "%d nodes, about %.1f GiB, more than half the %.1f GiB this JVM may use: keep fewer steps, or "
                    + "give the JVM more memory (SUBMODEL_UQ_JAVA_OPTS=-Xmx...)", every, kept, shown.nodeCount(),
                    bytes / (1L << 30), available / (double) (1L << 30)));
        }
    }

    @Override
    public void onStep(int step, double time, double[] u, double[] v, double[] a) {
        if (step % every != 0) {
            return;
        }
        steps.add(step);
        times.add(time);
        displacement.add(nodal(u));
        velocity.add(nodal(v));
        double[] strain = new double[3];
        double[] stress = new double[3];
        double[] cellVonMises = new double[strains.cellCount()];
        for (int c = 0; c < cellVonMises.length; c++) {
            strains.strain(c, u, strain);
            elasticity.stress(moduli[c], strain, stress);
            cellVonMises[c] = elasticity.vonMises(stress[0], stress[1], stress[2]);
        }
        vonMises.add(cellVonMises);
    }

    /** A state of the run's degrees of freedom as (x, y, 0) per shown node. */
    private double[][] nodal(double[] dofs) {
        double[][] vectors = new double[nodesInRun.length][];
        for (int n = 0; n < vectors.length; n++) {
            vectors[n] = new double[] {dofs[2 * nodesInRun[n]], dofs[2 * nodesInRun[n] + 1], 0};
        }
        return vectors;
    }

    /** The fields kept so far. */
    public FieldSeries series() {
        return new FieldSeries(meshName, shown, steps.stream().mapToInt(Integer::intValue).toArray(),
                times.stream().mapToDouble(Double::doubleValue).toArray(), displacement.toArray(new double[0][][]),
                velocity.toArray(new double[0][][]), vonMises.toArray(new double[0][]), moduli.clone());
    }
}
