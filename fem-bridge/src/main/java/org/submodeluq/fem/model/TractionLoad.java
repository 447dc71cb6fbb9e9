package org.submodeluq.fem.model;

import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.solver.ExternalLoad;
import org.submodeluq.fem.spec.TractionPulse;

/**
 * The impact as a nodal load: {@code f_i(t) = amplitude sin(pi t / duration) int_edge g_h phi_i ds},
 * with g_h the P1 interpolant of the profile on the loaded edge. The integral of a product of two P1
 * functions is exact with the 1D mass matrix {@code h/6 [[2, 1], [1, 2]]}, as FEniCS computes it for
 * an interpolated traction.
 */
public final class TractionLoad {

    private TractionLoad() {
    }

    public static ExternalLoad of(ZonedMesh zoned, Theta theta) {
        TractionPulse pulse = zoned.spec().load();
        TriangleMesh mesh = zoned.full();
        int[] edge = zoned.loadedEdgeNodes();
        double[] profile = new double[edge.length];
        for (int j = 0; j < edge.length; j++) {
            profile[j] = pulse.profile().value(mesh.y(edge[j]) - theta.centre(), pulse.width());
        }
        double[] direction = pulse.direction();
        double[] shape = new double[2 * mesh.nodeCount()];
        for (int j = 0; j + 1 < edge.length; j++) {
            double h = mesh.y(edge[j + 1]) - mesh.y(edge[j]);
            double lower = h / 6 * (2 * profile[j] + profile[j + 1]);
            double upper = h / 6 * (profile[j] + 2 * profile[j + 1]);
            for (int c = 0; c < 2; c++) {
                shape[2 * edge[j] + c] += lower * direction[c];
                shape[2 * edge[j + 1] + c] += upper * direction[c];
            }
        }
        double amplitude = theta.amplitude();
        double duration = theta.duration();
        return new ExternalLoad(shape, t -> amplitude * TractionPulse.halfSine(t, duration));
    }
}
