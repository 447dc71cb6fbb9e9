package org.submodeluq.cases.pipeline;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.submodeluq.core.io.Hdf5Files;

/**
 * What a {@code run} directory's stages were made from and how long they took, in {@code stages.h5}
 * ({@code format = submodel-uq/run}, version 1), attributes only:
 * <pre>
 * /   format, format_version, tool, tool_version, case_name, case_yaml, options (one "key = value" per line),
 *     and per finished stage S: S_key (SHA-256 of the case, the stage's options and its inputs' keys),
 *     S_seconds (wall time of the sitting that finished the output), S_computed (runs, iterations or samples
 *     computed in that sitting; fewer than the stage's total when it resumed from a checkpoint, 0 for a stage
 *     that counts none), S_threads
 *     (threads or workers it ran on), S_finished (ISO-8601), S_detail (what ran, in words)
 * </pre>
 * A stage whose key is unchanged and whose outputs exist is reused; the key chains through the inputs'
 * keys, so changing one stage's options redoes it and what depends on it, and nothing upstream.
 */
public record RunState(String caseName, String caseYaml, String options, Map<String, Stage> stages) {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/run";
    /** Current layout version. */
    public static final int VERSION = 1;

    /** One finished stage. */
    public record Stage(String key, double seconds, long computed, int threads, String finished, String detail) {
    }

    public RunState {
        stages = Map.copyOf(stages);
    }

    /** The SHA-256, in hex, of the parts joined by newlines. */
    public static String key(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** This state with one stage's record added or replaced. */
    public RunState with(String name, Stage stage) {
        Map<String, Stage> next = new LinkedHashMap<>(stages);
        next.put(name, stage);
        return new RunState(caseName, caseYaml, options, next);
    }

    /** This state without a stage's record. */
    public RunState without(String name) {
        Map<String, Stage> next = new LinkedHashMap<>(stages);
        next.remove(name);
        return new RunState(caseName, caseYaml, options, next);
    }

    /** Reads the state, or returns null when the file does not exist. */
    public static RunState read(Path path) {
        if (!Files.exists(path)) {
            return null;
        }
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "run state")) {
            Map<String, Attribute> attributes = file.getAttributes();
            Map<String, Stage> stages = new LinkedHashMap<>();
            for (String name : attributes.keySet()) {
                if (name.endsWith("_key")) {
                    String stage = name.substring(0, name.length() - "_key".length());
                    stages.put(stage, new Stage(text(attributes, name),
                            ((Number) attributes.get(stage + "_seconds").getData()).doubleValue(),
                            ((Number) attributes.get(stage + "_computed").getData()).longValue(),
                            ((Number) attributes.get(stage + "_threads").getData()).intValue(),
                            text(attributes, stage + "_finished"), text(attributes, stage + "_detail")));
                }
            }
            return new RunState(text(attributes, "case_name"), text(attributes, "case_yaml"),
                    text(attributes, "options"), stages);
        }
    }

    /** Writes the state atomically. */
    public void write(Path path) {
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("case_name", caseName);
            file.putAttribute("case_yaml", caseYaml);
            file.putAttribute("options", options);
            stages.forEach((name, stage) -> {
                file.putAttribute(name + "_key", stage.key());
                file.putAttribute(name + "_seconds", stage.seconds());
                file.putAttribute(name + "_computed", stage.computed());
                file.putAttribute(name + "_threads", stage.threads());
                file.putAttribute(name + "_finished", stage.finished());
                file.putAttribute(name + "_detail", stage.detail());
            });
        });
    }

    private static String text(Map<String, Attribute> attributes, String name) {
        return (String) attributes.get(name).getData();
    }
}
