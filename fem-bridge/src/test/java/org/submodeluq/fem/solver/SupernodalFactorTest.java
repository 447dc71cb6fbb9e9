package org.submodeluq.fem.solver;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.RectangleMesh;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.spec.PlaneHypothesis;

/** The Newmark effective matrix solved through the supernodal factor, against EJML's dense Cholesky. */
class SupernodalFactorTest {

    @Test
    void solvesTheEffectiveSystemLikeADenseCholesky() {
        TriangleMesh mesh = RectangleMesh.create(0, 0, 2, 0.5, 24, 6);
        double[] moduli = new Random(5).doubles(mesh.cellCount(), 0.5, 2).toArray();
        SystemMatrices system = ElasticityAssembler.assemble(mesh, moduli,
                new PlaneElasticity(0.3, PlaneHypothesis.PLANE_STRAIN), 1.0);
        int[] clamped = DegreesOfFreedom.ofNodes(IntStream.range(0, mesh.nodeCount()).filter(n -> mesh.x(n) == 0)
                .toArray());
        double dt = 0.02;
        NewmarkIntegrator integrator = new NewmarkIntegrator(system, mesh, clamped, dt);

        // one step from rest under a random load: S u_1 = f, with u = 0 on the clamped edge
        int n = system.dofCount();
        double[] load = new Random(6).doubles(n, -1, 1).toArray();
        for (int dof : clamped) {
            load[dof] = 0;
        }
        double[][] first = new double[1][];
        integrator.run(1, new ExternalLoad(load, t -> 1), PrescribedMotion.CLAMPED,
                (step, time, u, v, a) -> first[0] = u.clone());

        boolean[] isClamped = new boolean[n];
        for (int dof : clamped) {
            isClamped[dof] = true;
        }
        int[] free = IntStream.range(0, n).filter(d -> !isClamped[d]).toArray();
        DMatrixRMaj effective = new DMatrixRMaj(free.length, free.length);
        DMatrixSparseCSC k = system.stiffness();
        DMatrixSparseCSC m = system.mass();
        double c0 = 1 / (NewmarkIntegrator.BETA * dt * dt);
        for (int i = 0; i < free.length; i++) {
            for (int j = 0; j < free.length; j++) {
                effective.set(i, j, k.get(free[i], free[j]) + c0 * m.get(free[i], free[j]));
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(free.length, 1);
        for (int i = 0; i < free.length; i++) {
            rhs.set(i, 0, load[free[i]]);
        }
        LinearSolverDense<DMatrixRMaj> dense = LinearSolverFactory_DDRM.chol(free.length);
        assertTrue(dense.setA(effective));
        DMatrixRMaj expected = new DMatrixRMaj(free.length, 1);
        dense.solve(rhs, expected);

        double[] actual = IntStream.of(free).mapToDouble(d -> first[0][d]).toArray();
        double scale = IntStream.range(0, free.length).mapToDouble(i -> Math.abs(expected.get(i, 0))).max().orElse(1);
        assertAll(
                () -> assertArrayEquals(expected.getData(), actual, 1e-12 * scale),
                () -> assertTrue(integrator.supernodeCount() < free.length / 2,
                        integrator.supernodeCount() + " supernodes for " + free.length + " columns"));
    }
}
