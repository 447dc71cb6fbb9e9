package org.submodeluq.cases.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.Hdf5Files;

/**
 * A table of one of the project's HDF5 files, for pandas and spreadsheets: named columns of equal
 * length, written as CSV with a header row. Datasets of one or two dimensions become columns (named by
 * their {@code names} attribute where it has one per column) and are put side by side; a comparison's
 * quantities become one row per candidate with each metric's value and interval, put one under the
 * other. A training set's samples gain the split they belong to.
 */
public final class FileTable {

    /** What is read when no dataset is named, by format; a comparison's default is every quantity. */
    private static final Map<String, List<String>> DEFAULTS = Map.of("submodel-uq/monte-carlo", List.of("qoi"),
            "submodel-uq/training-set", List.of("inputs", "qoi"), "submodel-uq/full-run", List.of("theta", "qoi"));
    private static final String COMPARISON = "submodel-uq/comparison";
    private static final String TRAINING_SET = "submodel-uq/training-set";
    /** The datasets of a training set that hold one row per sample. */
    private static final Set<String> PER_SAMPLE = Set.of("inputs", "qoi");

    /** A column: its name and one value per row (a number or a text). */
    private record Column(String name, List<Object> values) {
    }

    private final List<Column> columns;

    private FileTable(List<Column> columns) {
        this.columns = columns;
    }

    /**
     * Reads the table of {@code paths} (datasets, or a comparison's quantity groups) of a file; with no
     * path, the file's obvious table: a Monte Carlo file's samples, a training set's inputs and
     * quantities, a run's inputs and quantities, a comparison's every quantity.
     *
     * @param name the file's name, for messages
     * @throws UserInputException (field {@code dataset}) naming the path that is missing or not a table
     */
    public static FileTable read(HdfFile file, String name, List<String> paths) {
        String format = String.valueOf(file.getAttribute(Hdf5Files.FORMAT).getData());
        List<String> asked = paths.stream().map(FileTable::relative).toList();
        if (asked.isEmpty()) {
            asked = format.equals(COMPARISON) ? comparisonQuantities(file) : DEFAULTS.get(format);
            if (asked == null) {
                throw new UserInputException("dataset", "is needed for a " + format + " file, which has no one table: "
                        + "it holds " + contents(file));
            }
        }
        List<FileTable> parts = new ArrayList<>();
        for (String path : asked) {
            parts.add(part(file, name, path));
        }
        boolean comparison = asked.stream().allMatch(path -> isComparisonQuantity(file.getByPath(path)));
        FileTable table = comparison ? stacked(parts) : sideBySide(parts, asked);
        if (format.equals(TRAINING_SET) && PER_SAMPLE.containsAll(asked)) {
            table.columns.add(splits(file));
        }
        return table;
    }

    private static String relative(String path) {
        return path.replaceFirst("^/+", "");
    }

    private static List<String> comparisonQuantities(HdfFile file) {
        return file.getChildren().values().stream().filter(FileTable::isComparisonQuantity).map(Node::getName).toList();
    }

    private static boolean isComparisonQuantity(Node node) {
        return node instanceof Group group && group.getAttribute("candidates") != null
                && group.getChildren().containsKey("values");
    }

    /** What the top of a file holds, for a message: "/qoi, /statistics (group), ...". */
    private static String contents(HdfFile file) {
        return new TreeMap<>(file.getChildren()).values().stream()
                .map(node -> "/" + node.getName() + (node instanceof Group ? " (group)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static FileTable part(HdfFile file, String name, String path) {
        Node node;
        try {
            node = file.getByPath(path);
        } catch (HdfInvalidPathException e) {
            throw new UserInputException("dataset", "'/" + path + "' is not in '" + name + "'; it holds "
                    + contents(file));
        }
        if (isComparisonQuantity(node)) {
            return comparisonQuantity(file, (Group) node);
        }
        if (node instanceof Dataset dataset) {
            return dataset(dataset);
        }
        throw new UserInputException("dataset", "'/" + path + "' is a group, not a table: --csv writes datasets of one "
                + "or two dimensions (or a comparison's quantity); --json writes groups");
    }

    /** A dataset's columns: one per element of a 1-D dataset with names, else one per column of its rows. */
    private static FileTable dataset(Dataset dataset) {
        int[] shape = dataset.getDimensions();
        Object data = dataset.getData();
        String name = dataset.getName();
        String[] names = names(dataset);
        List<Column> columns = new ArrayList<>();
        if (shape.length == 0) {
            columns.add(new Column(name, new ArrayList<>(List.of(data))));
        } else if (shape.length == 1 && names.length == shape[0]) {
            for (int k = 0; k < shape[0]; k++) {
                columns.add(new Column(names[k], new ArrayList<>(List.of(Array.get(data, k)))));
            }
        } else if (shape.length == 1) {
            columns.add(new Column(name, values(data)));
        } else if (shape.length == 2) {
            for (int k = 0; k < shape[1]; k++) {
                int column = k;
                columns.add(new Column(names.length == shape[1] ? names[k] : name + "_" + k, IntStream.range(0, shape[0])
                        .mapToObj(row -> Array.get(Array.get(data, row), column)).collect(Collectors.toList())));
            }
        } else {
            throw new UserInputException("dataset", "'" + dataset.getPath() + "' has " + shape.length + " dimensions "
                    + Arrays.toString(shape) + ": --csv writes datasets of one or two dimensions");
        }
        return new FileTable(columns);
    }

    private static String[] names(Node node) {
        Attribute names = node.getAttribute("names");
        return names != null && names.getData() instanceof String[] texts ? texts : new String[0];
    }

    private static List<Object> values(Object array) {
        return IntStream.range(0, Array.getLength(array)).mapToObj(i -> Array.get(array, i))
                .collect(Collectors.toList());
    }

    /** One row per candidate: the quantity, the candidate, its sizes, then per metric its value and interval. */
    private static FileTable comparisonQuantity(HdfFile file, Group group) {
        String[] candidates = (String[]) group.getAttribute("candidates").getData();
        String[] metrics = (String[]) file.getAttribute("metrics").getData();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("quantity", new ArrayList<>(Arrays.stream(candidates).map(c -> (Object) group.getName())
                .toList())));
        columns.add(new Column("candidate", values(candidates)));
        columns.add(new Column("size", values(data(group, "sizes"))));
        columns.add(new Column("reference_size", values(data(group, "reference_sizes"))));
        double[][] values = (double[][]) data(group, "values");
        double[][] lower = (double[][]) data(group, "lower");
        double[][] upper = (double[][]) data(group, "upper");
        for (int m = 0; m < metrics.length; m++) {
            int metric = m;
            columns.add(new Column(metrics[m], IntStream.range(0, candidates.length)
                    .mapToObj(r -> (Object) values[r][metric]).collect(Collectors.toList())));
            columns.add(new Column(metrics[m] + "_lower", IntStream.range(0, candidates.length)
                    .mapToObj(r -> (Object) lower[r][metric]).collect(Collectors.toList())));
            columns.add(new Column(metrics[m] + "_upper", IntStream.range(0, candidates.length)
                    .mapToObj(r -> (Object) upper[r][metric]).collect(Collectors.toList())));
        }
        return new FileTable(columns);
    }

    private static Object data(Group group, String name) {
        return ((Dataset) group.getChild(name)).getData();
    }

    /** Parts of the same columns, one under the other. */
    private static FileTable stacked(List<FileTable> parts) {
        List<Column> columns = new ArrayList<>();
        for (Column column : parts.get(0).columns) {
            columns.add(new Column(column.name(), new ArrayList<>()));
        }
        for (FileTable part : parts) {
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).values().addAll(part.columns.get(c).values());
            }
        }
        return new FileTable(columns);
    }

    /** Parts of as many rows, side by side. */
    private static FileTable sideBySide(List<FileTable> parts, List<String> paths) {
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int p = 0; p < parts.size(); p++) {
            FileTable part = parts.get(p);
            if (part.rows() != parts.get(0).rows()) {
                throw new UserInputException("dataset", "'/" + paths.get(0) + "' has " + parts.get(0).rows() + " rows and '/"
                        + paths.get(p) + "' " + part.rows() + ": --csv puts datasets side by side only when their rows "
                        + "agree");
            }
            for (Column column : part.columns) {
                if (!names.add(column.name())) {
                    throw new UserInputException("dataset", "'/" + paths.get(p) + "' repeats the column '" + column.name()
                            + "': name each dataset once");
                }
                columns.add(column);
            }
        }
        return new FileTable(columns);
    }

    /** Each sample's split (train, validation, test), from the sorted index lists under /splits. */
    private static Column splits(HdfFile file) {
        int samples = ((Number) file.getAttribute("samples").getData()).intValue();
        Object[] split = new Object[samples];
        for (Node node : ((Group) file.getByPath("splits")).getChildren().values()) {
            for (long index : (long[]) ((Dataset) node).getData()) {
                split[(int) index] = node.getName();
            }
        }
        return new Column("split", new ArrayList<>(Arrays.asList(split)));
    }

    /** The number of rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).values().size();
    }

    /** The column names, in order. */
    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * Writes the table as CSV (RFC 4180, header row first). Numbers are written as Java prints them, a
     * text that reads back to the same double; NaN as {@code NaN}, which pandas reads as NaN.
     */
    public void writeCsv(Writer out) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header().forEach(schema::addColumn);
        try (SequenceWriter writer = new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
            for (int r = 0; r < rows(); r++) {
                int row = r;
                writer.write(columns.stream().map(column -> column.values().get(row)).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
