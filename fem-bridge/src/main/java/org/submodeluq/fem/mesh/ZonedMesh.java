package org.submodeluq.fem.mesh;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.submodeluq.core.UserInputException;
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

    /** @throws UserInputException when one run of the case cannot fit in the memory this JVM may use */
    public ZonedMesh(CaseSpec spec) {
        requireFits(spec, Runtime.getRuntime().maxMemory());
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

    /**
     * A floor of the memory one run takes, checked before any of it is allocated, so that a mistyped size
     * ({@code nx: 2e6}, {@code steps: 1e8}) is one clear error and not an OutOfMemoryError minutes later:
     * per degree of freedom, the stiffness and mass rows (about 18 entries of 12 bytes each) and ten state
     * vectors; per step, the traces of the cut nodes (two lines of ny + 1 nodes, two components).
     */
    static void requireFits(CaseSpec spec, long available) {
        double dofs = 2.0 * (spec.mesh().nx() + 1) * (spec.mesh().ny() + 1);
        double meshBytes = dofs * (2 * 18 * 12 + 10 * 8);
        double traceBytes = 2.0 * (spec.mesh().ny() + 1) * 2 * spec.time().steps() * 8;
        if (meshBytes + traceBytes > available) {
            throw new UserInputException(meshBytes >= traceBytes ? "mesh" : "time.steps", String.format(Locale.ROOT,
                    "= %s needs at least %.1f GiB for one run (%.0f degrees of freedom, traces of %d steps), more than "
                            + "the %.1f GiB this JVM may use", meshBytes >= traceBytes ? spec.mesh().nx() + " x "
                            + spec.mesh().ny() : String.valueOf(spec.time().steps()),
                    (meshBytes + traceBytes) / (1L << 30), dofs, spec.time().steps(), available / (double) (1L << 30)));
        }
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
