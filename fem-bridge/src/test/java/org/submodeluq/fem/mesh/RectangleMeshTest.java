package org.submodeluq.fem.mesh;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.spec.CaseFiles;

class RectangleMeshTest {

    @Test
    void cutsEachRectangleAlongTheSameDiagonalAsDolfinx() {
        // dolfinx 0.5.2: mesh.create_rectangle(MPI.COMM_WORLD, [[0, 0], [2, 1]], [2, 1], CellType.triangle),
        // vertex coordinates of each cell as printed by geometry.x[geometry.dofmap.links(c)]
        Set<String> dolfinx = Set.of("(0,0) (0,1) (1,1)", "(0,0) (1,0) (1,1)", "(1,0) (1,1) (2,1)",
                "(1,0) (2,0) (2,1)");
        TriangleMesh mesh = RectangleMesh.create(0, 0, 2, 1, 2, 1);
        Set<String> ours = new TreeSet<>();
        for (int c = 0; c < mesh.cellCount(); c++) {
            List<String> corners = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                corners.add("(" + (int) mesh.x(mesh.vertex(c, k)) + "," + (int) mesh.y(mesh.vertex(c, k)) + ")");
            }
            corners.sort(null);
            ours.add(String.join(" ", corners));
        }
        assertEquals(new TreeSet<>(dolfinx), ours);
    }

    @Test
    void zoneMeshIsExactlyTheRestrictionOfTheFullMesh() {
        ZonedMesh zoned = new ZonedMesh(CaseFiles.defaultCase());
        TriangleMesh zone = zoned.zone().mesh();
        TriangleMesh full = zoned.full();
        int[] parent = zoned.zone().parentNodes();
        double[] area = IntStream.range(0, zone.cellCount()).mapToDouble(c -> zone.signedDoubleArea(c) / 2).toArray();
        assertAll(
                () -> assertEquals(17 * 21, zone.nodeCount(), "16 x 20 rectangles of the 80 x 20 mesh"),
                () -> assertEquals(2 * 16 * 20, zone.cellCount()),
                () -> assertEquals(0.4 * 0.5, IntStream.range(0, area.length).mapToDouble(c -> area[c]).sum(), 1e-14),
                () -> assertArrayEquals(IntStream.range(0, zone.nodeCount()).mapToDouble(n -> full.x(parent[n])).toArray(),
                        IntStream.range(0, zone.nodeCount()).mapToDouble(zone::x).toArray(), 0),
                () -> assertArrayEquals(IntStream.range(0, zone.nodeCount()).mapToDouble(n -> full.y(parent[n])).toArray(),
                        IntStream.range(0, zone.nodeCount()).mapToDouble(zone::y).toArray(), 0));
    }

    @Test
    void cutNodesRunUpTheLeftBoundaryThenUpTheRightOne() {
        ZonedMesh zoned = new ZonedMesh(CaseFiles.defaultCase());
        TriangleMesh zone = zoned.zone().mesh();
        int[] cut = zoned.cutNodesInZone();
        assertEquals(42, cut.length);
        for (int k = 0; k < 21; k++) {
            assertEquals(0.6, zone.x(cut[k]), 1e-15);
            assertEquals(1.0, zone.x(cut[21 + k]), 1e-15);
            assertEquals(0.025 * k, zone.y(cut[k]), 1e-15);
            assertEquals(0.025 * k, zone.y(cut[21 + k]), 1e-15);
        }
    }
}
