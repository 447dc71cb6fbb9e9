package org.submodeluq.core.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.core.UserInputException;

/**
 * Writing HDF5 files the project's way: to a temporary name beside the target, forced to disk and
 * renamed into place once complete, so a crash or a power cut never leaves a half-written file under
 * the final name. jhdf corrupts a
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
     * Opens a file of the project's for reading, after checking that it is one, of the given layout and
     * version; the caller closes it.
     *
     * @param what the layout in words, for error messages ("run file")
     * @throws UserInputException when the file is missing, not HDF5, or of another layout or version
     */
    public static HdfFile open(Path path, String format, int version, String what) {
        if (!Files.isRegularFile(path)) {
            throw new UserInputException(what + " '" + path + "' does not exist");
        }
        HdfFile file;
        try {
            file = new HdfFile(path);
        } catch (HdfException e) {
            throw new UserInputException("'" + path + "' is not an HDF5 file (" + e.getMessage() + ")");
        }
        try {
            walk(file);
        } catch (HdfException e) {
            file.close();
            throw new UserInputException("'" + path + "' is damaged or cut short (" + e.getMessage() + ")");
        }
        Attribute found = file.getAttribute(FORMAT);
        Attribute foundVersion = file.getAttribute(FORMAT_VERSION);
        if (found == null || !format.equals(found.getData()) || foundVersion == null
                || !(foundVersion.getData() instanceof Number)) {
            file.close();
            throw new UserInputException("'" + path + "' is not a submodel-uq " + what + " (format attribute: "
                    + (found == null ? "none" : found.getData()) + ")");
        }
        int actual = ((Number) foundVersion.getData()).intValue();
        if (actual != version) {
            file.close();
            throw new UserInputException("'" + path + "' is " + what + " version " + actual + "; this build reads version "
                    + version);
        }
        return file;
    }


    /**
     * Reads every group's entries and every node's attributes, so that a file cut short or damaged fails
     * here, where its name is known, rather than halfway through the work that reads it.
     */
    public static void walk(Group group) {
        group.getAttributes();
        for (Node child : group.getChildren().values()) {
            if (child instanceof Group inner) {
                walk(inner);
            } else {
                child.getAttributes();
            }
        }
    }

    /**
     * Writes a file through {@code content}, then moves it to {@code target}, replacing any file there.
     *
     * @param format the layout name stored in the {@value #FORMAT} attribute
     * @param version the layout version stored in {@value #FORMAT_VERSION}
     */
    public static void writeAtomically(Path target, String format, int version, Consumer<WritableHdfFile> content) {
        Path temporary = Directories.temporaryBeside(target);
        try {
            Files.createDirectories(temporary.getParent());
            try (WritableHdfFile file = HdfFile.write(temporary)) {
                file.putAttribute(FORMAT, format);
                file.putAttribute(FORMAT_VERSION, version);
                file.putAttribute("tool", "submodel-uq");
                file.putAttribute("tool_version", BuildInfo.version());
                content.accept(file);
            }
            Directories.moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw Directories.cannotWrite(target, e);
        } finally {
            Directories.deleteQuietly(temporary);
        }
    }
}
