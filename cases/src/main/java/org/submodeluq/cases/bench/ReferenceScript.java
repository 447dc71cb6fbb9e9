package org.submodeluq.cases.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Python reference script of the bench (the DOLFINx Newmark loop, the PyTorch WGAN-GP loop), copied
 * out of the jar to a temporary file that an interpreter can run and that goes when the JVM exits.
 */
final class ReferenceScript {

    private ReferenceScript() {
    }

    /** The bench resource {@code name} as a file. */
    static Path extract(String name) {
        try (InputStream in = ReferenceScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bench resource " + name + " is missing from the jar");
            }
            Path file = Files.createTempFile("submodel-uq-" + name.replace(".py", "-"), ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
