package org.submodeluq.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores that durable, tidy writers need. */
public final class Directories {

    private Directories() {
    }

    /** Forces a file's contents to the disk, so that a rename after it cannot expose an empty file. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a directory's entries (a rename, a new file) to the disk; a no-op where the OS cannot. */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // some systems cannot open a directory for syncing; the rename is then as durable as they make it
        }
    }

    /**
     * Writes text (UTF-8) to a temporary name beside {@code target} and renames it into place once it is
     * on the disk, so that a crash never leaves a half-written file under the final name.
     *
     * @throws UncheckedIOException naming the target when it cannot be written
     */
    public static void writeAtomically(Path target, String text) {
        Path temporary = temporaryBeside(target);
        try {
            Files.createDirectories(temporary.getParent());
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The failure to write {@code target}, named in its message with the cause's kind and message. */
    static UncheckedIOException cannotWrite(Path target, IOException e) {
        return new UncheckedIOException("cannot write " + target + " (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + ")", e);
    }

    /** A hidden name beside {@code target}, unique to this process and thread. */
    static Path temporaryBeside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
    }

    /** Forces {@code temporary} to the disk, renames it to {@code target} (replacing it) and syncs the directory. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        syncFile(temporary);
        try {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(absolute.getParent());
    }

    /** Removes a temporary file left by a failed write, if any. */
    static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the temporary name is hidden and unique to this process; leaving it is harmless
        }
    }

    /** Deletes a directory and everything below it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
