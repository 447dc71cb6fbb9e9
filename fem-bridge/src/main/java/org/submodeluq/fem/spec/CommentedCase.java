package org.submodeluq.fem.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A case as a complete, commented case file: the embedded default case's text, every key with its
 * comment, its values replaced by the case's, and each value the case changes followed by the default
 * it replaces. A user sees the whole case a file of a few lines stands for, and the text parses back
 * to the same case, so it can be saved and edited.
 */
public final class CommentedCase {

    /** A key line: indentation, key, value, comment. */
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):( *)([^#]*?)( *)(#.*)?$");
    /** Writes one scalar as YAML, quoted only where a plain scalar would read as something else. */
    private static final YAMLMapper SCALARS = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private CommentedCase() {
    }

    /** The case file text of {@code spec}. */
    public static String of(CaseSpec spec) {
        JsonNode values = CaseFiles.tree(spec);
        JsonNode defaults = CaseFiles.tree(CaseFiles.defaultCase());
        boolean isDefault = values.equals(defaults);
        StringBuilder text = new StringBuilder("# Case ").append(spec.name()).append(" as submodel-uq resolves it: ")
                .append(isDefault ? "every key, with its comment.\n" : "every key of the default case "
                        + CaseFiles.DEFAULT_CASE + ", with its comment;\n# the values this case changes say the "
                        + "default they replace. The text reads back as the same case.\n");
        String template = CaseFiles.embeddedText(CaseFiles.DEFAULT_CASE);
        int commentColumn = commentColumn(template);
        Deque<String> parents = new ArrayDeque<>();
        Deque<Integer> indents = new ArrayDeque<>();
        for (String line : template.split("\n", -1)) {
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                text.append(line).append('\n');
                continue;
            }
            int indent = key.group(1).length();
            while (!indents.isEmpty() && indents.peek() >= indent) {
                indents.pop();
                parents.pop();
            }
            List<String> path = new ArrayList<>(parents);
            Collections.reverse(path);
            path.add(key.group(2));
            JsonPointer pointer = JsonPointer.compile("/" + String.join("/", path));
            JsonNode value = values.at(pointer);
            if (value.isObject()) {
                text.append(line).append('\n');
                indents.push(indent);
                parents.push(key.group(2));
                continue;
            }
            JsonNode before = defaults.at(pointer);
            String comment = key.group(6) == null ? "" : key.group(6);
            if (!value.equals(before)) {
                comment = (comment.isEmpty() ? "#" : comment + ";") + " default: " + yaml(before);
            }
            String entry = key.group(1) + key.group(2) + ": " + yaml(value);
            int column = key.group(6) == null ? commentColumn : key.start(6);
            text.append(comment.isEmpty() ? entry : entry + " ".repeat(Math.max(2, column - entry.length())) + comment)
                    .append('\n');
        }
        return text.toString().replaceAll("\n+$", "\n");
    }

    /** The column most comments of a case file start at, where a new comment goes. */
    private static int commentColumn(String template) {
        return template.lines().map(KEY::matcher).filter(key -> key.matches() && key.group(6) != null)
                .collect(Collectors.groupingBy(key -> key.start(6), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    }

    /** What an embedded case is: the first line of its file's comment. */
    public static String summary(String embedded) {
        return CaseFiles.embeddedText(embedded).lines().findFirst().orElse("").replaceFirst("^# *", "");
    }

    /**
     * A value as YAML on one line: a text plain where it reads back as itself (as the default case file
     * writes them), else quoted; a list in flow style, as JSON, which YAML reads.
     */
    private static String yaml(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        try {
            if (value.isTextual() && !value.asText().isBlank() && value.equals(SCALARS.readTree(value.asText()))) {
                return value.asText();
            }
            return SCALARS.writeValueAsString(value).strip();
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }
}
