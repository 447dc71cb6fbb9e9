package org.submodeluq.fem.mesh;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The case's plate mesh with its zone of interest marked: the full mesh, the zone as a mesh of its
 * own (exactly the restriction of the full one), and the node sets that carry boundary conditions.
 *
 * <p>Cut-boundary nodes, the rows of every boundary trace, are ordered first along x = xMin from
 * bottom to top, then along x = xMax from bottom to top.
 */
public final class ZonedMesh {

    private final CaseSpec spec;
    private final TriangleMesh full;
    private final SubMesh zone;
    private final int[] zoneCellsInFull;
    private final int[] cutNodesInZone;
    private final int[] cutNodesInFull;

    public ZonedMesh(CaseSpec spec) {
        this.spec = spec;
        double length = spec.plate().length();
        this.full = RectangleMesh.create(0, 0, length, spec.plate().height(), spec.mesh().nx(), spec.mesh().ny());
        this.zone = full.restrict(this::isInZone);
        this.zoneCellsInFull = zone.parentCells();
        TriangleMesh zoneMesh = zone.mesh();
        int[] left = zoneMesh.nodesWhere((x, y) -> onLine(x, spec.zone().xMin()));
        int[] right = zoneMesh.nodesWhere((x, y) -> onLine(x, spec.zone().xMax()));
        this.cutNodesInZone = IntStream.concat(IntStream.of(left), IntStream.of(right)).toArray();
        this.cutNodesInFull = IntStream.of(cutNodesInZone).map(n -> zone.parentNodes()[n]).toArray();
    }

    private boolean onLine(double x, double lineX) {
        return Math.abs(x - lineX) <= 1e-9 * spec.plate().length();
    }

    public CaseSpec spec() {
        return spec;
    }

    /** The whole plate. */
    public TriangleMesh full() {
        return full;
    }

    /** The zone as a mesh of its own, with its maps to the full mesh. */
    public SubMesh zone() {
        return zone;
    }

    /** Full-mesh indices of the zone's cells, in the zone mesh's cell order. */
    public int[] zoneCellsInFull() {
        return zoneCellsInFull.clone();
    }

    /** Whether full-mesh cell {@code cell} lies in the zone (by its centroid, which no mesh line crosses). */
    public boolean isInZone(int cell) {
        double xc = full.centroidX(cell);
        return xc > spec.zone().xMin() && xc < spec.zone().xMax();
    }

    /** Full-mesh nodes on the clamped edge x = 0, bottom to top. */
    public int[] clampedNodes() {
        return full.nodesWhere((x, y) -> onLine(x, 0));
    }

    /** Full-mesh nodes on the loaded edge x = length, bottom to top. */
    public int[] loadedEdgeNodes() {
        return full.nodesWhere((x, y) -> onLine(x, spec.plate().length()));
    }

    /** Zone-mesh indices of the cut-boundary nodes, in trace order (see class documentation). */
    public int[] cutNodesInZone() {
        return cutNodesInZone.clone();
    }

    /** Full-mesh indices of the cut-boundary nodes, in trace order. */
    public int[] cutNodesInFull() {
        return cutNodesInFull.clone();
    }

    /** (x, y) of each cut-boundary node, in trace order. */
    public double[][] cutNodeCoordinates() {
        TriangleMesh zoneMesh = zone.mesh();
        double[][] coordinates = new double[cutNodesInZone.length][];
        for (int n = 0; n < coordinates.length; n++) {
            coordinates[n] = new double[] {zoneMesh.x(cutNodesInZone[n]), zoneMesh.y(cutNodesInZone[n])};
        }
        return coordinates;
    }

    /** Number of cut-boundary nodes, the first dimension of a boundary trace. */
    public int cutNodeCount() {
        return cutNodesInZone.length;
    }

    /**
     * Full-mesh cells sorted by centroid row, then column: the order in which per-cell data crosses to
     * other codes. Centroids lie on a lattice of thirds of the mesh spacing, so {@code 3 x nx / length}
     * and {@code 3 y ny / height} round to distinct integers and the order depends neither on round-off
     * nor on how a code numbers its cells.
     */
    public int[] canonicalCellOrder() {
        long[] keys = new long[full.cellCount()];
        double scaleX = 3.0 * spec.mesh().nx() / spec.plate().length();
        double scaleY = 3.0 * spec.mesh().ny() / spec.plate().height();
        for (int c = 0; c < keys.length; c++) {
            keys[c] = Math.round(full.centroidY(c) * scaleY) * (3L * spec.mesh().nx() + 3) + Math.round(
                    full.centroidX(c) * scaleX);
        }
        return IntStream.range(0, keys.length).boxed().sorted(Comparator.comparingLong(c -> keys[c]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The point whose displacement is a quantity of interest: the zone's centre. */
    public double[] zoneCentre() {
        return new double[] {spec.zone().xCentre(), 0.5 * spec.plate().height()};
    }
}
