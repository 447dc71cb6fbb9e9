package org.submodeluq.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's Python ({@code /usr/bin/python3}, or {@code SUBMODEL_UQ_PYTHON}) as an independent reference
 * in tests: h5py reads our files, NumPy re-computes our numbers. Where the modules are missing the test is
 * skipped with the apt command to run, unless {@code SUBMODEL_UQ_REQUIRE_PYTHON=1} (set by CI), where it
 * fails, so that CI never passes by skipping.
 */
public final class ReferencePython {

    private ReferencePython() {
    }

    /** The interpreter, after checking that it imports {@code modules} (Debian packages python3-MODULE). */
    public static String require(String... modules) {
        String python = System.getenv().getOrDefault("SUBMODEL_UQ_PYTHON", "/usr/bin/python3");
        String imports = "import " + String.join(", ", modules);
        RequiredProgram.check("SUBMODEL_UQ_REQUIRE_PYTHON", python + " cannot '" + imports + "': apt-get install -y "
                + Stream.of(modules).map(module -> "python3-" + module).collect(Collectors.joining(" ")),
                python, "-c", imports);
        return python;
    }

    /** Runs a script with arguments and returns its standard output; fails the test on a non-zero exit. */
    public static String run(String python, String script, String... arguments) {
        try {
            Path file = Files.createTempFile("reference", ".py");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(python, file.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
            assertEquals(true, finished, "reference script timed out");
            assertEquals(0, process.exitValue(), "reference script failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
