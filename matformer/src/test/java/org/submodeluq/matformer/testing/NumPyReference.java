package org.submodeluq.matformer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python with NumPy ({@code /usr/bin/python3}, or {@code SUBMODEL_UQ_PYTHON}) as an independent
 * reference in tests, as fem-bridge's {@code ReferencePython} (which this module cannot depend on) does
 * it: without NumPy the test is skipped with the apt command to run, unless
 * {@code SUBMODEL_UQ_REQUIRE_PYTHON=1} (set by CI), where it fails, so that CI never passes by skipping.
 */
public final class NumPyReference {

    private NumPyReference() {
    }

    /** Runs {@code script} with {@code arguments}; returns its standard output, failing the test on a non-zero exit. */
    public static String run(String script, String... arguments) {
        String python = System.getenv().getOrDefault("SUBMODEL_UQ_PYTHON", "/usr/bin/python3");
        try {
            requireNumPy(python);
            Path file = Files.createTempFile("reference", ".py");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(python, file.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
            assertTrue(finished, "reference script timed out");
            assertEquals(0, process.exitValue(), "reference script failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void requireNumPy(String python) throws InterruptedException {
        boolean available;
        try {
            Process process = new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true).start();
            available = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        }
        String message = python + " cannot 'import numpy': apt-get install -y python3-numpy";
        if (!available && "1".equals(System.getenv("SUBMODEL_UQ_REQUIRE_PYTHON"))) {
            fail(message);
        }
        Assumptions.assumeTrue(available, message);
    }
}
