package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.submodeluq.fem.io.RunFile;
import org.submodeluq.matformer.data.MarkovSource;
import picocli.CommandLine;

/**
 * Every command that writes (an option naming a file or directory it writes: {@code --out}, {@code --json},
 * {@code --markdown}, {@code --fields}), run with an output equal to each of its inputs: refused before
 * any work, in one line, and the input's bytes unchanged.
 */
class OutputGuardTest {

    private static final String SMALL_CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";

    @TempDir
    static Path directory;
    private static Path caseFile;
    private static Path training;
    private static Path generator;
    private static Path monteCarlo;
    private static Path corpus;
    private static Path matformer;

    @BeforeAll
    static void inputs() throws IOException {
        caseFile = Files.writeString(directory.resolve("small.yaml"), SMALL_CASE);
        training = directory.resolve("training.h5");
        generator = directory.resolve("generator");
        monteCarlo = directory.resolve("mc.h5");
        corpus = directory.resolve("markov.txt");
        matformer = directory.resolve("matformer");
        Files.write(corpus, MarkovSource.random(6, 0.5, 1).generate(3_000, 2));
        Files.createSymbolicLink(directory.resolve("link.yaml"), caseFile);
        for (Cli.Result made : List.of(
                execute("generate", "--case", caseFile.toString(), "--samples", "12", "--solver", "java", "--out",
                        training.toString(), "--quiet"),
                execute("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                        generator.toString(), "--quiet"),
                execute("mc", "--case", caseFile.toString(), "--generator", generator.toString(), "--samples", "10",
                        "--out", monteCarlo.toString(), "--quiet"),
                execute("matformer", "train", "--corpus", corpus.toString(), "--out", matformer.toString(), "--layers",
                        "1", "--d-model", "16", "--heads", "2", "--d-ff", "32", "--context", "16", "--steps", "2",
                        "--batch", "4", "--quiet"))) {
            assertEquals(0, made.exitCode(), made.err());
        }
        Files.createDirectories(directory.resolve("fields-named"));
        Files.copy(monteCarlo, directory.resolve("fields-named").resolve("fields.h5"));
    }

    /** Each writing command with its output named as one of its inputs, and that input. */
    static Stream<Arguments> outputsOntoInputs() {
        String small = "--case=" + directory.resolve("small.yaml");
        Path training = directory.resolve("training.h5");
        Path generator = directory.resolve("generator");
        Path monteCarlo = directory.resolve("mc.h5");
        Path model = generator.resolve("model.h5");
        Path manifest = generator.resolve("manifest.json");
        Path caseFile = directory.resolve("small.yaml");
        Path matformerModel = directory.resolve("matformer").resolve("matformer.h5");
        Path corpus = directory.resolve("markov.txt");
        Path fieldsNamed = directory.resolve("fields-named").resolve("fields.h5");
        return Stream.of(
                Arguments.of(List.of("solve", small, "--out", caseFile.toString()), caseFile),
                Arguments.of(List.of("solve", small, "--out", directory.resolve("sub/../small.yaml").toString()),
                        caseFile),
                Arguments.of(List.of("solve", small, "--out", directory.resolve("link.yaml").toString()), caseFile),
                Arguments.of(List.of("solve", small, "--out", directory.resolve("missing/../small.yaml").toString()),
                        caseFile),
                Arguments.of(List.of("generate", small, "--samples", "3", "--solver", "java", "--out",
                        caseFile.toString()), caseFile),
                Arguments.of(List.of("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                        training.toString()), training),
                Arguments.of(List.of("sample", "--model", generator.toString(), "--n", "2", "--out", model.toString()),
                        model),
                Arguments.of(List.of("sample", "--model", generator.toString(), "--n", "2", "--out",
                        manifest.toString()), manifest),
                Arguments.of(List.of("mc", small, "--generator", generator.toString(), "--samples", "10", "--out",
                        model.toString()), model),
                Arguments.of(List.of("mc", small, "--generator", generator.toString(), "--samples", "10", "--out",
                        caseFile.toString()), caseFile),
                Arguments.of(List.of("compare", "--reference", training.toString(), "--mc", monteCarlo.toString(),
                        "--out", training.toString()), training),
                Arguments.of(List.of("compare", "--reference", training.toString(), "--mc", monteCarlo.toString(),
                        "--out", monteCarlo.toString()), monteCarlo),
                Arguments.of(List.of("compare", "--reference", training.toString(), "--mc", monteCarlo.toString(),
                        "--markdown", training.toString()), training),
                Arguments.of(List.of("estimate", "--generator", generator.toString(), "--training", training.toString(),
                        "--mc", monteCarlo.toString(), "--out", monteCarlo.toString()), monteCarlo),
                Arguments.of(List.of("estimate", "--generator", generator.toString(), "--training", training.toString(),
                        "--markdown", training.toString()), training),
                Arguments.of(List.of("run", small, "--out", caseFile.toString()), caseFile),
                Arguments.of(List.of("matformer", "train", "--corpus", corpus.toString(), "--out",
                        corpus.toString()), corpus),
                Arguments.of(List.of("matformer", "extract", "--model", directory.resolve("matformer").toString(),
                        "--config", "0", "--out", matformerModel.toString()), matformerModel),
                Arguments.of(List.of("matformer", "encode-train", "--training-set", training.toString(), "--out",
                        training.toString()), training),
                Arguments.of(List.of("solve", small, "--fields", caseFile.toString()), caseFile),
                Arguments.of(List.of("replay", "--mc", monteCarlo.toString(), "--generator", generator.toString(),
                        "--sample", "0", "--fields", model.toString()), model),
                Arguments.of(List.of("replay", "--mc", fieldsNamed.toString(), "--generator", generator.toString(),
                        "--sample", "0", "--fields", fieldsNamed.getParent().toString()), fieldsNamed));
    }

    @ParameterizedTest
    @MethodSource("outputsOntoInputs")
    void anOutputOntoAnInputIsRefusedAndTheInputKept(List<String> arguments, Path input) {
        byte[] before = sha256(input);
        Cli.Result result = execute(arguments.toArray(String[]::new));
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, result.exitCode(), result.err()),
                () -> assertEquals(1, result.err().lines().count(), result.err()),
                () -> assertTrue(result.err().startsWith("submodel-uq: error: "), result.err()),
                () -> assertTrue(result.err().contains("is the input") || result.err().contains("is a file"),
                        result.err()),
                () -> assertArrayEquals(before, sha256(input), "bytes of " + input));
    }

    /** Each writing command aimed at a result of another command or another run, and what it says. */
    static Stream<Arguments> outputsOntoOtherResults() {
        String small = "--case=" + directory.resolve("small.yaml");
        Path training = directory.resolve("training.h5");
        Path generator = directory.resolve("generator");
        Path matformer = directory.resolve("matformer");
        Path caseFile = directory.resolve("small.yaml");
        Path monteCarlo = directory.resolve("mc.h5");
        return Stream.of(
                Arguments.of(List.of("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                        generator.toString()), generator.resolve("manifest.json"), "holds a trained generator"),
                Arguments.of(List.of("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                        matformer.toString()), matformer.resolve("matformer.h5"), "is a MatFormer directory"),
                Arguments.of(List.of("matformer", "train", "--corpus", directory.resolve("markov.txt").toString(),
                        "--out", generator.toString()), generator.resolve("manifest.json"), "is a generator directory"),
                Arguments.of(List.of("run", small, "--out", generator.toString()), generator.resolve("model.h5"),
                        "is a generator directory"),
                Arguments.of(List.of("matformer", "encode-train", "--training-set", training.toString(), "--out",
                        generator.toString()), generator.resolve("manifest.json"), "is a generator directory"),
                Arguments.of(List.of("compare", "--reference", training.toString(), "--mc", monteCarlo.toString(),
                        "--markdown", directory.resolve("markov.txt").toString()), directory.resolve("markov.txt"),
                        "exists and is not a comparison table"),
                Arguments.of(List.of("bench", "--quick", "--json", caseFile.toString()), caseFile,
                        "exists and is not the figures of an earlier bench"),
                Arguments.of(List.of("bench", "--quick", "--json", generator.toString()),
                        generator.resolve("manifest.json"), "is a directory; a file goes there"),
                Arguments.of(List.of("solve", small, "--fields", generator.toString()), generator.resolve("model.h5"),
                        "is a generator directory"),
                Arguments.of(List.of("solve", small, "--out", directory.resolve("fields-run.h5").toString(), "--fields",
                        matformer.toString()), matformer.resolve("matformer.h5"), "is a MatFormer directory"));
    }

    @ParameterizedTest
    @MethodSource("outputsOntoOtherResults")
    void anOutputOntoAnotherResultIsRefusedAndItsBytesKept(List<String> arguments, Path kept, String says) {
        byte[] before = sha256(kept);
        Cli.Result result = execute(arguments.toArray(String[]::new));
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, result.exitCode(), result.err()),
                () -> assertEquals(1, result.err().lines().count(), result.err()),
                () -> assertTrue(result.err().contains(says), result.err()),
                () -> assertArrayEquals(before, sha256(kept), "bytes of " + kept));
    }

    @Test
    void aRunFileOfAnotherSampleIsReplacedOnlyWithForce() throws IOException {
        Path run = directory.resolve("sample-0.h5");
        assertEquals(0, execute("solve", "--case", caseFile.toString(), "--out", run.toString()).exitCode());
        byte[] before = sha256(run);
        Cli.Result refused = execute("solve", "--case", caseFile.toString(), "--sample", "3", "--out", run.toString());
        byte[] after = sha256(run);
        Cli.Result forced = execute("solve", "--case", caseFile.toString(), "--sample", "3", "--out", run.toString(),
                "--force");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, refused.exitCode()),
                () -> assertEquals("submodel-uq: error: --out '" + run + "' holds sample 0 of seed 0 of case small; this "
                        + "asks for sample 3 of seed 0 of case small; --force replaces it, or name another --out",
                        refused.err().strip()),
                () -> assertArrayEquals(before, after),
                () -> assertEquals(0, forced.exitCode(), forced.err()),
                () -> assertEquals(3, RunFile.read(run).sampleIndex()));
    }

    @Test
    void everyCommandThatWritesIsCovered() {
        Set<String> writers = new TreeSet<>();
        collectWriters(SubmodelUq.commandLine(), writers);
        Set<String> covered = new TreeSet<>();
        outputsOntoInputs().forEach(arguments -> {
            @SuppressWarnings("unchecked")
            List<String> command = (List<String>) arguments.get()[0];
            covered.add(command.get(0).equals("matformer") ? "matformer " + command.get(1) : command.get(0));
        });
        covered.add("bench");
        assertEquals(writers, covered);
    }

    private static void collectWriters(CommandLine command, Set<String> writers) {
        if (Stream.of("--out", "--json", "--markdown", "--fields").map(command.getCommandSpec()::findOption)
                .anyMatch(option -> option != null && option.arity().max() > 0)) {
            String name = command.getCommandSpec().qualifiedName(" ");
            writers.add(name.substring(name.indexOf(' ') + 1));
        }
        command.getSubcommands().values().forEach(sub -> collectWriters(sub, writers));
    }

    @Test
    void aFileOfAnotherKindIsReplacedOnlyWithForce() throws IOException {
        Path other = Files.copy(training, directory.resolve("other-training.h5"));
        byte[] before = sha256(other);
        Cli.Result refused = execute("solve", "--case", caseFile.toString(), "--out", other.toString());
        byte[] after = sha256(other);
        Cli.Result forced = execute("solve", "--case", caseFile.toString(), "--out", other.toString(), "--force");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, refused.exitCode()),
                () -> assertEquals("submodel-uq: error: --out '" + other + "' exists and is a submodel-uq/training-set "
                        + "file, not a submodel-uq/full-run file; name another --out, or add --force to replace it",
                        refused.err().strip()),
                () -> assertArrayEquals(before, after),
                () -> assertEquals(0, forced.exitCode(), forced.err()),
                () -> assertEquals("small", RunFile.read(other).spec().name()));
    }

    @Test
    void anUnwritableOutputIsFoundBeforeTheWork() {
        Cli.Result result = execute("bench", "--quick", "--json", "/proc/bench.json");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, result.exitCode()),
                () -> assertEquals("submodel-uq: error: --json '/proc/bench.json' cannot be written: '/proc' is not a "
                        + "writable directory; name another --json", result.err().strip()));
    }

    private static byte[] sha256(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
