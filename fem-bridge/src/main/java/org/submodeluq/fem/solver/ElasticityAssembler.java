package org.submodeluq.fem.solver;

import org.ejml.data.DMatrixSparseCSC;
import org.submodeluq.fem.mesh.TriangleMesh;

/**
 * Assembles the P1 stiffness and consistent mass matrices of plane elasticity with a Young's
 * modulus that is constant per cell.
 */
public final class ElasticityAssembler {

    private ElasticityAssembler() {
    }

    /**
     * @param mesh the triangulation
     * @param youngsModulus E of each cell
     * @param elasticity Poisson ratio and plane hypothesis
     * @param density rho, the same everywhere
     */
    public static SystemMatrices assemble(TriangleMesh mesh, double[] youngsModulus, PlaneElasticity elasticity,
                                          double density) {
        if (youngsModulus.length != mesh.cellCount()) {
            throw new IllegalArgumentException(youngsModulus.length + " moduli for " + mesh.cellCount() + " cells");
        }
        NodalSparsity sparsity = new NodalSparsity(mesh);
        DMatrixSparseCSC stiffness = sparsity.zeroMatrix();
        DMatrixSparseCSC mass = sparsity.zeroMatrix();
        double[] gx = new double[3];
        double[] gy = new double[3];
        for (int cell = 0; cell < mesh.cellCount(); cell++) {
            double area = LinearTriangle.gradients(mesh, cell, gx, gy);
            double scale = area * youngsModulus[cell];
            double d11 = scale * elasticity.d11();
            double d12 = scale * elasticity.d12();
            double d33 = scale * elasticity.d33();
            for (int a = 0; a < 3; a++) {
                int rowX = 2 * mesh.vertex(cell, a);
                for (int b = 0; b < 3; b++) {
                    int colX = 2 * mesh.vertex(cell, b);
                    // K_ab = A B_a^T D B_b with B_k = [[gx_k, 0], [0, gy_k], [gy_k, gx_k]]
                    NodalSparsity.add(stiffness, rowX, colX, d11 * gx[a] * gx[b] + d33 * gy[a] * gy[b]);
                    NodalSparsity.add(stiffness, rowX, colX + 1, d12 * gx[a] * gy[b] + d33 * gy[a] * gx[b]);
                    NodalSparsity.add(stiffness, rowX + 1, colX, d12 * gy[a] * gx[b] + d33 * gx[a] * gy[b]);
                    NodalSparsity.add(stiffness, rowX + 1, colX + 1, d11 * gy[a] * gy[b] + d33 * gx[a] * gx[b]);
                    // M_ab = rho A (1 + delta_ab) / 12 per component: exact integral of N_a N_b
                    double m = density * area * (a == b ? 2 : 1) / 12;
                    NodalSparsity.add(mass, rowX, colX, m);
                    NodalSparsity.add(mass, rowX + 1, colX + 1, m);
                }
            }
        }
        return new SystemMatrices(stiffness, mass);
    }
}
