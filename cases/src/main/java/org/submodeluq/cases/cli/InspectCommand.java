package org.submodeluq.cases.cli;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.core.UserInputException;
import org.submodeluq.cases.export.FileTable;
import org.submodeluq.cases.export.GroupJson;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CommentedCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq inspect}: what a file of the project's is (its layout, case, seed, provenance),
 * its datasets with their shapes, and for a few layouts what matters most in them (splits, statistics,
 * comparison rows, model shape). Reads every layout through the same generic walk, so a new layout is
 * described without code here.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Describes an HDF5 file written by submodel-uq: layout, case, seed, datasets and shapes, and "
                + "the key numbers of training sets, Monte Carlo files, comparisons and models; or prints a table of "
                + "it as CSV (--csv), a group as JSON (--json), its case (--case).")
final class InspectCommand implements Callable<Integer> {

    /** Root attributes shown first, in this order, when present. */
    private static final List<String> HEADLINE = List.of("case_name", "seed", "samples", "solver", "generator",
            "generator_device", "stop_reason", "kind", "reference_runs", "parameter_count", "tool_version");
    /** Root attributes too long for a line. */
    private static final List<String> LONG = List.of("case_yaml", "generator_manifest", "identity", "options");

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "An .h5 file written by submodel-uq.")
    private Path file;

    @Option(names = "--csv", description = "Print a table as CSV with a header row: --dataset, else the file's "
            + "obvious one (Monte Carlo samples, a training set's inputs, quantities and splits, a comparison).")
    private boolean csv;

    @Option(names = "--dataset", paramLabel = "PATH", split = ",",
            description = "With --csv: datasets of one or two dimensions, side by side, or a comparison's quantities.")
    private List<String> datasets = List.of();

    @Option(names = "--json", description = "Print a group's attributes and datasets as JSON: --group, else "
            + "/statistics where there is one, else the whole file.")
    private boolean json;

    @Option(names = "--group", paramLabel = "PATH", description = "With --json: the group to print.")
    private String group;

    @Option(names = "--case", description = "Print the case the file records, as a commented case file.")
    private boolean printCase;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("'" + file + "' does not exist or is not a file");
        }
        Contradictions.refuseTogether(command, List.of("--csv", "--json", "--case"), "both choose what is printed");
        Contradictions.refuseIgnored(command, List.of("--dataset"), !csv, "it names what --csv prints");
        Contradictions.refuseIgnored(command, List.of("--group"), !json, "it names what --json prints");
        PrintWriter out = command.commandLine().getOut();
        try (HdfFile hdf = open()) {
            Attribute format = hdf.getAttribute(Hdf5Files.FORMAT);
            if (format == null || !String.valueOf(format.getData()).startsWith("submodel-uq/")) {
                throw new UserInputException("'" + file + "' is an HDF5 file but not one submodel-uq wrote (it has no "
                        + "submodel-uq format attribute)");
            }
            if (csv || json || printCase) {
                printPart(hdf, out);
                return 0;
            }
            out.printf("%s: %s, version %s%n", file, format.getData(), attribute(hdf, Hdf5Files.FORMAT_VERSION));
            for (String name : HEADLINE) {
                if (hdf.getAttribute(name) != null) {
                    out.printf("  %-18s %s%n", name, describe(hdf.getAttribute(name).getData()));
                }
            }
            for (Map.Entry<String, Attribute> entry : new TreeMap<>(hdf.getAttributes()).entrySet()) {
                String name = entry.getKey();
                if (!HEADLINE.contains(name) && !name.startsWith("format") && !name.equals("tool")
                        && !name.startsWith("_")) {
                    out.printf("  %-18s %s%n", name, LONG.contains(name)
                            ? "(" + String.valueOf(entry.getValue().getData()).length() + " characters)"
                            : describe(entry.getValue().getData()));
                }
            }
            out.println("datasets:");
            walk(hdf, out);
        }
        out.flush();
        return 0;
    }

    /** The table, group or case asked for instead of the description. */
    private void printPart(HdfFile hdf, PrintWriter out) {
        if (csv) {
            FileTable.read(hdf, file.toString(), datasets).writeCsv(out);
        } else if (json) {
            out.println(GroupJson.read(hdf, file.toString(), group).toPrettyString());
        } else {
            Attribute recorded = hdf.getAttribute("case_yaml");
            if (recorded == null) {
                throw new UserInputException("'" + file + "' records no case (a " + hdf.getAttribute(Hdf5Files.FORMAT)
                        .getData() + " file keeps at most its case's name)");
            }
            out.print(CommentedCase.of(CaseFiles.parse((String) recorded.getData(), file + ":case_yaml")));
        }
        out.flush();
    }

    private HdfFile open() {
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (HdfException e) {
            throw new UserInputException("'" + file + "' is not an HDF5 file (" + e.getMessage() + ")");
        }
        try {
            Hdf5Files.walk(hdf);
            return hdf;
        } catch (HdfException e) {
            hdf.close();
            throw new UserInputException("'" + file + "' is damaged or cut short (" + e.getMessage() + ")");
        }
    }

    private static Object attribute(HdfFile hdf, String name) {
        Attribute attribute = hdf.getAttribute(name);
        return attribute == null ? "?" : attribute.getData();
    }

    /** Every dataset under {@code group}: path, shape, element type, and its values when it is short. */
    private static void walk(Group group, PrintWriter out) {
        for (Node node : new TreeMap<>(group.getChildren()).values()) {
            if (node instanceof Group child) {
                for (Map.Entry<String, Attribute> entry : new TreeMap<>(child.getAttributes()).entrySet()) {
                    out.printf("  %s @%s = %s%n", child.getPath().replaceAll("/$", ""), entry.getKey(),
                            describe(entry.getValue().getData()));
                }
                walk(child, out);
            } else if (node instanceof Dataset dataset) {
                out.printf("  %-50s %-16s %s%s%n", dataset.getPath(), Arrays.toString(dataset.getDimensions()),
                        dataset.getJavaType().getSimpleName(), values(dataset));
            }
        }
    }

    private static String values(Dataset dataset) {
        int[] shape = dataset.getDimensions();
        long size = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        return shape.length == 1 && size <= 8 ? "  " + describe(dataset.getData()) : "";
    }

    private static String describe(Object value) {
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < Math.min(length, 8); i++) {
                text.append(i > 0 ? ", " : "").append(describe(Array.get(value, i)));
            }
            return text.append(length > 8 ? ", ... (" + length + ")]" : "]").toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.6g", ((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }
}
