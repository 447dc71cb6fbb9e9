package org.submodeluq.core.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.submodeluq.core.UserInputException;

/**
 * The checks that keep a command from destroying a user's file, made before any work: an output must
 * not be one of the command's inputs (through symbolic links and {@code ..} alike), must not replace a
 * file of another kind unless asked to, and must be writable. Messages name the field {@code output};
 * the command line says which option that is and how to proceed.
 */
public final class OutputGuard {

    private OutputGuard() {
    }

    /**
     * The files an input stands for: itself, or the files directly inside it when it is a directory
     * (a generator or model directory).
     */
    public static List<Path> filesOf(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> files = Files.list(input)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of(input);
        }
    }

    /** @throws UserInputException when {@code output} is the same file as one of {@code inputs} */
    public static void notAnInput(Path output, Collection<Path> inputs) {
        Path target = real(output);
        for (Path input : inputs) {
            for (Path file : filesOf(input)) {
                if (real(file).equals(target)) {
                    throw new UserInputException("output", "'" + output + "' is the input '" + file
                            + "': writing it would destroy the input");
                }
            }
        }
    }

    /**
     * @param format the format attribute of what the command writes
     * @throws UserInputException when {@code output} exists and is not an HDF5 file of {@code format}
     */
    public static void sameKind(Path output, String format) {
        if (!Files.exists(output)) {
            return;
        }
        if (Files.isDirectory(output)) {
            throw new UserInputException("output", "'" + output + "' is a directory; a file goes there");
        }
        Optional<String> found = formatOf(output);
        if (found.isEmpty() || !found.get().equals(format)) {
            throw new UserInputException("output", "'" + output + "' exists and is " + found.map(kind -> "a " + kind
                    + " file").orElse("not a file of submodel-uq") + ", not a " + format + " file");
        }
    }

    /** @throws UserInputException when {@code output} is an existing file other than a directory */
    public static void directory(Path output) {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UserInputException("output", "'" + output + "' is a file; a directory goes there");
        }
    }

    /**
     * @throws UserInputException when the directory that would hold {@code output} cannot be written:
     *     tried by creating and deleting a hidden file in its nearest existing ancestor, since permission
     *     bits say nothing to root or on read-only mounts
     */
    public static void writable(Path output) {
        Path parent = output.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserInputException("output", "'" + output + "' cannot be written: "
                    + (parent == null ? "no existing directory above it" : "'" + parent + "' is not a directory"));
        }
        try {
            Files.delete(Files.createTempFile(parent, ".submodel-uq-probe", ""));
        } catch (IOException e) {
            throw new UserInputException("output", "'" + output + "' cannot be written: '" + parent + "' is not a "
                    + "writable directory");
        }
    }

    /** The format attribute of an HDF5 file of the project's, if it is one. */
    static Optional<String> formatOf(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            Attribute format = hdf.getAttribute(Hdf5Files.FORMAT);
            return format != null && format.getData() instanceof String text ? Optional.of(text) : Optional.empty();
        } catch (HdfException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The path with every symbolic link of its existing part resolved, so two names of one file compare equal. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
