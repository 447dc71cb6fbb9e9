package org.submodeluq.fem.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.submodeluq.core.UserInputException;

/**
 * Reads case files. A file is laid over the embedded default case ({@code plate-impact}), so it
 * lists only what differs; the merged tree is then bound to {@link CaseSpec} with unknown keys
 * rejected. Errors name the file, the dotted key and what is allowed, on one line.
 */
public final class CaseFiles {

    /** Name of the embedded default case. */
    public static final String DEFAULT_CASE = "plate-impact";

    /** Cases shipped inside the jar, usable by name wherever a case file is expected. */
    public static final List<String> EMBEDDED = List.of(DEFAULT_CASE);

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule().addDeserializer(int.class, new WholeNumbers())
                    .addDeserializer(Integer.class, new WholeNumbers()))
            .build();

    /**
     * Reads an integer key as the whole number it must be, written {@code 20} or {@code 2e1}: Jackson
     * would truncate {@code 20.5} to 20 and run a case that is not the one written.
     */
    private static final class WholeNumbers extends StdScalarDeserializer<Integer> {

        private static final long serialVersionUID = 1L;

        WholeNumbers() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
                    && token != JsonToken.VALUE_STRING) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            String text = parser.getText();
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
            throw InvalidFormatException.from(parser, "not a whole number in the int range", text, Integer.class);
        }
    }

    private CaseFiles() {
    }

    /** The embedded default case. */
    public static CaseSpec defaultCase() {
        return bind(embeddedTree(DEFAULT_CASE), "embedded case " + DEFAULT_CASE);
    }

    /**
     * Loads a case by embedded name or file path.
     *
     * @throws UserInputException when the name is neither, or the file is not a valid case
     */
    public static CaseSpec load(String nameOrPath) {
        if (EMBEDDED.contains(nameOrPath)) {
            return bind(embeddedTree(nameOrPath), "embedded case " + nameOrPath);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new UserInputException("case '" + nameOrPath + "' is neither an embedded case " + EMBEDDED
                    + " nor a readable file");
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (CharacterCodingException e) {
            throw new UserInputException("case file '" + path + "' is not text: a case file is YAML in UTF-8");
        } catch (IOException e) {
            throw new UserInputException("case file '" + path + "' cannot be read: " + e.getMessage());
        }
    }

    /** The case a file of the project's was made from, as its case_yaml attribute records it. */
    public static CaseSpec recordedIn(HdfFile file, Path path) {
        return parse((String) file.getAttribute("case_yaml").getData(), path + ":case_yaml");
    }

    /**
     * Parses case-file text laid over the default case.
     *
     * @param yaml the text
     * @param source the file name, for error messages
     */
    public static CaseSpec parse(String yaml, String source) {
        JsonNode overlay;
        try {
            overlay = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new UserInputException("case file '" + source + "' is not valid YAML: " + firstLine(e.getOriginalMessage())
                    + location(e));
        }
        ObjectNode merged = embeddedTree(DEFAULT_CASE);
        if (overlay != null && !overlay.isMissingNode() && !overlay.isNull()) {
            if (!overlay.isObject()) {
                throw new UserInputException("case file '" + source + "' must hold a mapping of keys (name, plate, material, "
                        + "zone, load, modulusField, mesh, time)");
            }
            layOver(merged, (ObjectNode) overlay);
        }
        return bind(merged, "case file '" + source + "'");
    }

    /** The case as YAML text, complete (defaults included), so that it can be read back as it is. */
    public static String toYaml(CaseSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write case " + spec.name(), e);
        }
    }

    private static ObjectNode embeddedTree(String name) {
        try {
            return (ObjectNode) MAPPER.readTree(embeddedText(name));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("embedded case " + name + " is not valid YAML", e);
        }
    }

    /** The text of an embedded case file, comments included. */
    static String embeddedText(String name) {
        try (InputStream in = CaseFiles.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("embedded case " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case as the tree of keys and values its YAML holds. */
    static JsonNode tree(CaseSpec spec) {
        return MAPPER.valueToTree(spec);
    }

    /** Recursive merge: mappings merge key by key, anything else (numbers, lists, texts) replaces. */
    private static void layOver(ObjectNode base, ObjectNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode current = base.get(entry.getKey());
            if (current instanceof ObjectNode currentObject && entry.getValue() instanceof ObjectNode value) {
                layOver(currentObject, value);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static CaseSpec bind(JsonNode tree, String source) {
        try {
            return MAPPER.treeToValue(tree, CaseSpec.class);
        } catch (JsonProcessingException e) {
            throw describe(e, source);
        }
    }

    private static UserInputException describe(JsonProcessingException e, String source) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserInputException caseError) {
                return new UserInputException(source + ": " + caseError.under(path).getMessage());
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new)).toString();
            return new UserInputException(source + ": unknown key '" + path + "' (allowed here: "
                    + allowed.substring(1, allowed.length() - 1) + ")");
        }
        if (e instanceof InvalidFormatException format) {
            return new UserInputException(source + ": " + path + " = '" + format.getValue() + "' is not allowed: expected "
                    + expected(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new UserInputException(source + ": " + (path.isEmpty() ? "the file" : path)
                    + " has the wrong form: expected " + expected(mismatch.getTargetType()));
        }
        return new UserInputException(source + ": " + (path.isEmpty() ? "" : path + ": ")
                + firstLine(e.getOriginalMessage()));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c instanceof CaseKeyword word ? word.text() : c.toString())
                    .collect(Collectors.joining(", "));
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == double[].class) {
            return "a list of numbers";
        }
        if (type == ScalarDistribution.class) {
            return "a number, uniform(min=a, max=b) or lognormal(median=m, logStd=s)";
        }
        return type.isRecord() ? "a mapping of keys" : "a " + type.getSimpleName();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
