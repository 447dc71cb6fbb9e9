package org.submodeluq.cases.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.submodeluq.core.UserInputException;

/**
 * A group of one of the project's HDF5 files as JSON, for scripts: its attributes and its children,
 * groups as objects and datasets as (nested) arrays, so that a Monte Carlo file's {@code /statistics}
 * reads as {@code {"peak_von_mises": {"mean": ..., "quantiles": [...]}, ...}}. JSON has no NaN nor
 * infinity: they are written as {@code null}. A dataset of more than {@value #LARGEST} values is left
 * out, with its shape, since a table that size is better read with {@code --csv} or h5py.
 */
public final class GroupJson {

    /** The most values of a dataset written out. */
    static final int LARGEST = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GroupJson() {
    }

    /**
     * The group at {@code path}: {@code /statistics} when none is named and the file has one (a Monte
     * Carlo file's statistics), else the whole file.
     *
     * @param name the file's name, for messages
     * @throws UserInputException (field {@code group}) when there is no group at {@code path}
     */
    public static ObjectNode read(HdfFile file, String name, String path) {
        String relative = path == null ? (file.getChildren().containsKey("statistics") ? "statistics" : "")
                : path.replaceFirst("^/+", "");
        if (relative.isEmpty()) {
            return group(file);
        }
        Node node;
        try {
            node = file.getByPath(relative);
        } catch (HdfInvalidPathException e) {
            throw new UserInputException("group", "'/" + relative + "' is not in '" + name + "'");
        }
        if (!(node instanceof Group group)) {
            throw new UserInputException("group", "'/" + relative + "' is a dataset, not a group: --csv --dataset "
                    + "writes it");
        }
        return group(group);
    }

    private static ObjectNode group(Group group) {
        ObjectNode json = NODES.objectNode();
        for (Map.Entry<String, Attribute> attribute : new TreeMap<>(group.getAttributes()).entrySet()) {
            json.set(attribute.getKey(), value(attribute.getValue().getData()));
        }
        for (Node child : new TreeMap<>(group.getChildren()).values()) {
            if (child instanceof Group inner) {
                json.set(child.getName(), group(inner));
            } else if (child instanceof Dataset dataset) {
                json.set(child.getName(), dataset(dataset));
            }
        }
        return json;
    }

    private static JsonNode dataset(Dataset dataset) {
        if (dataset.getSize() > LARGEST) {
            ObjectNode left = NODES.objectNode();
            ArrayNode shape = left.putArray("shape");
            Arrays.stream(dataset.getDimensions()).forEach(shape::add);
            left.put("left_out", "more than " + LARGEST + " values: read it with --csv --dataset "
                    + dataset.getPath() + " or h5py");
            return left;
        }
        return value(dataset.getData());
    }

    /** A number, text or array of them as JSON; non-finite numbers as null. */
    private static JsonNode value(Object data) {
        if (data != null && data.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(data); i++) {
                array.add(value(Array.get(data, i)));
            }
            return array;
        }
        if (data instanceof Double || data instanceof Float) {
            double number = ((Number) data).doubleValue();
            return Double.isFinite(number) ? NODES.numberNode(number) : NODES.nullNode();
        }
        if (data instanceof Number number) {
            return NODES.numberNode(number.longValue());
        }
        return data == null ? NODES.nullNode() : NODES.textNode(String.valueOf(data));
    }
}
