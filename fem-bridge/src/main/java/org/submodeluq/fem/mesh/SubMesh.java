package org.submodeluq.fem.mesh;

/**
 * Part of a parent mesh as a mesh of its own.
 *
 * @param mesh the part, with local node and cell numbers
 * @param parentNodes parent index of each local node
 * @param parentCells parent index of each local cell
 */
public record SubMesh(TriangleMesh mesh, int[] parentNodes, int[] parentCells) {
}
