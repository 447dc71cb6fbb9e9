package org.submodeluq.fem.spec;


/**
 * Structured triangulation of the plate: nx x ny rectangles, each cut along its (x0, y0)-(x1, y1)
 * diagonal into two P1 triangles, as DOLFINx's {@code create_rectangle(..., DiagonalType.right)}.
 */
public record MeshResolution(int nx, int ny) {
    public MeshResolution {
        Rules.requirePositive("nx", nx);
        Rules.requirePositive("ny", ny);
    }
}
