package org.submodeluq.fem.model;

import org.submodeluq.fem.mesh.TriangleMesh;

/**
 * The fields of one run over time on the mesh they are shown on: what a user opens in ParaView.
 * Vectors have three components, z = 0, as DOLFINx writes them for 2D meshes, so that ParaView's
 * vector filters (warp, glyphs) take them as they are.
 *
 * @param meshName {@code full} (the whole plate) or {@code zone} (the zone's mesh)
 * @param mesh the mesh
 * @param steps the time steps kept, n of t_n = n dt
 * @param time t_n of each kept step
 * @param displacement per kept step, (nodes, 3)
 * @param velocity per kept step, (nodes, 3)
 * @param vonMises per kept step, the von Mises stress of each cell (constant per P1 triangle)
 * @param youngsModulus E of each cell, which does not change over time
 */
public record FieldSeries(String meshName, TriangleMesh mesh, int[] steps, double[] time, double[][][] displacement,
                          double[][][] velocity, double[][] vonMises, double[] youngsModulus) {
}
