package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.OutputGuard;
import org.submodeluq.fem.io.FieldsFile;
import org.submodeluq.fem.model.FieldSeries;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --fields} option of the commands that run one sample: its fields over time as XDMF + HDF5
 * in a directory, for ParaView. The directory's two files go through the same guards as {@code --out}.
 */
final class FieldsOption {

    @Option(names = "--fields", paramLabel = "DIR", description = "Also write the displacement, velocity and von "
            + "Mises stress over time, and Young's modulus, as XDMF + HDF5 (" + FieldsFile.XDMF + ", " + FieldsFile.HDF5
            + ") in DIR, created if missing, for ParaView.")
    private Path directory;

    @Option(names = "--fields-every", paramLabel = "K", defaultValue = "1",
            description = "With --fields: keep every K-th time step (default: ${DEFAULT-VALUE}).")
    private int every;

    /** Whether fields are asked for; refuses the options that shape them when they are not. */
    boolean wanted(CommandSpec command, List<String> shaping) {
        Contradictions.refuseIgnored(command, shaping, directory == null, "no --fields is given");
        return directory != null;
    }

    /** Keep every k-th step. */
    int every() {
        return every;
    }

    /**
     * The fields directory, checked before any work: a directory (created if missing) holding no other
     * command's result, whose two files are not among {@code inputs} nor where {@code out} (the command's
     * {@code --out}, if it has one) writes, nor files of another kind.
     */
    Path checked(Collection<Path> inputs, List<Path> out) {
        Path checked = OutputOption.checkedDirectory("--fields", directory, FieldsFile.HDF5);
        Path hdf5 = checked.resolve(FieldsFile.HDF5);
        try {
            OutputGuard.notAnInput(hdf5, out);
        } catch (UserInputException e) {
            throw new UserInputException("--fields", "'" + checked + "' would put " + FieldsFile.HDF5 + " where --out "
                    + "writes; name another --fields");
        }
        OutputOption.checkedText("--fields", hdf5, inputs);
        try {
            OutputGuard.sameKind(hdf5, FieldsFile.FORMAT);
        } catch (UserInputException e) {
            throw new UserInputException("--fields", e.rule() + "; name another --fields (or move the file away)");
        }
        OutputOption.checkedText("--fields", checked.resolve(FieldsFile.XDMF), inputs, "an XDMF file of submodel-uq",
                FieldsFile::writtenHere);
        return checked;
    }

    /** Writes the fields and says where they went. */
    static void write(Path directory, FieldSeries fields, FieldsFile.Provenance provenance, PrintWriter out) {
        FieldsFile.write(directory, fields, provenance);
        out.printf(Locale.ROOT, "wrote %d steps of fields on the %s mesh (%d nodes, %d cells) to %s (open it in "
                        + "ParaView)%n", fields.steps().length, fields.meshName(), fields.mesh().nodeCount(),
                fields.mesh().cellCount(), directory.resolve(FieldsFile.XDMF));
    }
}
