package org.submodeluq.fem.io;

import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.Locale;
import org.submodeluq.core.io.Directories;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.model.FieldSeries;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * A run's fields over time as XDMF + HDF5, the pair DOLFINx writes and ParaView, VisIt and meshio
 * open: {@value #XDMF} describes the mesh and one grid per time step, {@value #HDF5} holds the numbers
 * ({@code format = submodel-uq/fields}, version 1). No kept Java library writes XDMF, so the few lines
 * of XML are written here. Layout of {@value #HDF5}:
 * <pre>
 * /                   attributes: format, format_version, tool, tool_version, case_name, case_yaml, seed,
 *                     sample_index, source, mesh (full or zone)
 * /mesh/geometry      (nodes, 2)       x, y
 * /mesh/topology      (cells, 3)       int32 node indices, counter-clockwise
 * /steps, /time       (kept,)          n and t_n of each kept step
 * /youngs_modulus     (cells,)         E per cell
 * /displacement/step_N, /velocity/step_N   (nodes, 3)   x, y, 0
 * /von_mises/step_N   (cells,)         von Mises stress per cell
 * </pre>
 * All groups of one time step sit in one temporal collection that includes the mesh, the layout that
 * meshio's {@code TimeSeriesReader} reads as well as ParaView.
 */
public final class FieldsFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/fields";
    /** Current layout version. */
    public static final int VERSION = 1;
    /** Name of the HDF5 file in the fields directory. */
    public static final String HDF5 = "fields.h5";
    /** Name of the XDMF file in the fields directory. */
    public static final String XDMF = "fields.xdmf";
    /** First line of every XDMF file written here, by which one is told from a user's. */
    private static final String SIGNATURE = "<!-- written by submodel-uq: the fields of one run; the numbers are in "
            + HDF5 + " -->";

    private FieldsFile() {
    }

    /**
     * What the fields are of.
     *
     * @param spec the case
     * @param seed the seed of the run's inputs or generated traces
     * @param sampleIndex the sample of that seed
     * @param source the run in words ("full run, Java solver")
     */
    public record Provenance(CaseSpec spec, long seed, long sampleIndex, String source) {
    }

    /** Whether an XDMF file's text is one written here, which a new one may replace. */
    public static boolean writtenHere(String xdmf) {
        return xdmf.startsWith("<?xml version=\"1.0\"?>\n" + SIGNATURE);
    }

    /** Writes {@value #HDF5}, then {@value #XDMF}, into {@code directory}, each atomically. */
    public static void write(Path directory, FieldSeries fields, Provenance provenance) {
        String[] names = stepNames(fields.steps());
        Hdf5Files.writeAtomically(directory.resolve(HDF5), FORMAT, VERSION, file -> {
            file.putAttribute("case_name", provenance.spec().name());
            file.putAttribute("case_yaml", CaseFiles.toYaml(provenance.spec()));
            file.putAttribute("seed", provenance.seed());
            file.putAttribute("sample_index", provenance.sampleIndex());
            file.putAttribute("source", provenance.source());
            file.putAttribute("mesh", fields.meshName());
            WritableGroup mesh = file.putGroup("mesh");
            mesh.putDataset("geometry", coordinates(fields.mesh()));
            mesh.putDataset("topology", topology(fields.mesh()));
            file.putDataset("steps", fields.steps());
            file.putDataset("time", fields.time());
            file.putDataset("youngs_modulus", fields.youngsModulus());
            WritableGroup displacement = file.putGroup("displacement");
            WritableGroup velocity = file.putGroup("velocity");
            WritableGroup vonMises = file.putGroup("von_mises");
            for (int k = 0; k < names.length; k++) {
                displacement.putDataset(names[k], fields.displacement()[k]);
                velocity.putDataset(names[k], fields.velocity()[k]);
                vonMises.putDataset(names[k], fields.vonMises()[k]);
            }
        });
        Directories.writeAtomically(directory.resolve(XDMF), xdmf(fields, names));
    }

    /** step_N, N zero-padded to the width of the last step so that names sort in time order. */
    private static String[] stepNames(int[] steps) {
        int width = steps.length == 0 ? 1 : String.valueOf(steps[steps.length - 1]).length();
        String[] names = new String[steps.length];
        for (int k = 0; k < steps.length; k++) {
            names[k] = String.format(Locale.ROOT, "step_%0" + width + "d", steps[k]);
        }
        return names;
    }

    private static double[][] coordinates(TriangleMesh mesh) {
        double[][] xy = new double[mesh.nodeCount()][];
        for (int n = 0; n < xy.length; n++) {
            xy[n] = new double[] {mesh.x(n), mesh.y(n)};
        }
        return xy;
    }

    private static int[][] topology(TriangleMesh mesh) {
        int[][] cells = new int[mesh.cellCount()][];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = new int[] {mesh.vertex(c, 0), mesh.vertex(c, 1), mesh.vertex(c, 2)};
        }
        return cells;
    }

    /** The XDMF 3 text: the mesh grid, then a temporal collection of one grid per kept step. */
    private static String xdmf(FieldSeries fields, String[] names) {
        int nodes = fields.mesh().nodeCount();
        int cells = fields.mesh().cellCount();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n").append(SIGNATURE).append('\n');
        xml.append("<Xdmf Version=\"3.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n  <Domain>\n");
        xml.append("    <Grid Name=\"mesh\" GridType=\"Uniform\">\n");
        xml.append(String.format(Locale.ROOT, "      <Topology TopologyType=\"Triangle\" NumberOfElements=\"%d\" "
                + "NodesPerElement=\"3\">%n        %s%n      </Topology>%n", cells, item(cells + " 3", "Int", 4,
                "/mesh/topology")));
        xml.append(String.format(Locale.ROOT, "      <Geometry GeometryType=\"XY\">%n        %s%n      </Geometry>%n",
                item(nodes + " 2", "Float", 8, "/mesh/geometry")));
        xml.append("    </Grid>\n    <Grid Name=\"fields\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        for (int k = 0; k < names.length; k++) {
            xml.append(String.format(Locale.ROOT, "      <Grid Name=\"%s\" GridType=\"Uniform\">%n", names[k]));
            xml.append("        <xi:include xpointer=\"xpointer(/Xdmf/Domain/Grid[@Name='mesh']"
                    + "/*[self::Topology or self::Geometry])\"/>\n");
            xml.append("        <Time Value=\"").append(fields.time()[k]).append("\"/>\n");
            xml.append(attribute("displacement", "Vector", "Node", nodes + " 3", "/displacement/" + names[k]));
            xml.append(attribute("velocity", "Vector", "Node", nodes + " 3", "/velocity/" + names[k]));
            xml.append(attribute("von_mises", "Scalar", "Cell", String.valueOf(cells), "/von_mises/" + names[k]));
            xml.append(attribute("youngs_modulus", "Scalar", "Cell", String.valueOf(cells), "/youngs_modulus"));
            xml.append("      </Grid>\n");
        }
        return xml.append("    </Grid>\n  </Domain>\n</Xdmf>\n").toString();
    }

    private static String attribute(String name, String type, String centre, String dimensions, String path) {
        return String.format(Locale.ROOT, "        <Attribute Name=\"%s\" AttributeType=\"%s\" Center=\"%s\">%n"
                + "          %s%n        </Attribute>%n", name, type, centre, item(dimensions, "Float", 8, path));
    }

    private static String item(String dimensions, String type, int precision, String path) {
        return String.format(Locale.ROOT, "<DataItem Dimensions=\"%s\" NumberType=\"%s\" Precision=\"%d\" "
                + "Format=\"HDF\">%s:%s</DataItem>", dimensions, type, precision, HDF5, path);
    }
}
