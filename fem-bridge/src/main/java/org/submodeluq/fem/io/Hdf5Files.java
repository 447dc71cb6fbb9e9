package org.submodeluq.fem.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.submodeluq.fem.BuildInfo;

/**
 * Writing HDF5 files the project's way: to a temporary name beside the target, renamed into place
 * once complete, so a crash never leaves a half-written file under the final name. jhdf corrupts a
 * file that holds an empty group, so writers must not create one.
 */
public final class Hdf5Files {

    /** Attribute naming the layout of a file, e.g. {@code submodel-uq/full-run}. */
    public static final String FORMAT = "format";
    /** Attribute holding the layout's version number. */
    public static final String FORMAT_VERSION = "format_version";

    private Hdf5Files() {
    }

    /**
     * Writes a file through {@code content}, then moves it to {@code target}, replacing any file there.
     *
     * @param format the layout name stored in the {@value #FORMAT} attribute
     * @param version the layout version stored in {@value #FORMAT_VERSION}
     */
    public static void writeAtomically(Path target, String format, int version, Consumer<WritableHdfFile> content) {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        try {
            Files.createDirectories(absolute.getParent());
            try (WritableHdfFile file = HdfFile.write(temporary)) {
                file.putAttribute(FORMAT, format);
                file.putAttribute(FORMAT_VERSION, version);
                file.putAttribute("tool", "submodel-uq");
                file.putAttribute("tool_version", BuildInfo.version());
                content.accept(file);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary name is hidden and unique to this process; leaving it is harmless
            }
        }
    }
}
