package org.submodeluq.fem.training;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.spec.CaseFiles;

/**
 * What a training set already at a campaign's output holds, read from its attributes and splits
 * without its runs: enough to tell whether it is the campaign's own work.
 *
 * @param caseName the case's name, for messages
 * @param caseYaml the complete case as the file records it
 * @param solverKind "java" or "fenics", from the file's solver description
 */
record ExistingTrainingSet(String caseName, String caseYaml, long seed, String solverKind, int samples,
                           Splits splits) {

    /**
     * @return empty when no file is at {@code path} (a directory there is left to the writer: it fails)
     * @throws UserInputException when something is there that is not a readable training set
     */
    static Optional<ExistingTrainingSet> at(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (HdfFile file = Hdf5Files.open(path, TrainingSetFile.FORMAT, TrainingSetFile.VERSION, "training set")) {
            String solver = (String) file.getAttribute("solver").getData();
            return Optional.of(new ExistingTrainingSet(
                    (String) file.getAttribute("case_name").getData(),
                    CaseFiles.toYaml(CaseFiles.recordedIn(file, path)),
                    ((Number) file.getAttribute("seed").getData()).longValue(),
                    // the Java solver describes itself as "java: ...", a FEniCS worker in JSON
                    solver.startsWith("java:") ? "java" : "fenics",
                    ((Number) file.getAttribute("samples").getData()).intValue(),
                    new Splits(longs(file, "splits/train"), longs(file, "splits/validation"),
                            longs(file, "splits/test"))));
        } catch (UserInputException e) {
            throw new UserInputException("output", e.rule());
        } catch (RuntimeException e) {
            throw new UserInputException("output", "'" + path + "' cannot be read as a training set: " + e.getMessage());
        }
    }

    private static long[] longs(HdfFile file, String path) {
        return (long[]) file.getDatasetByPath(path).getData();
    }

    /** In words, as a message names it: "2000 full runs of case plate-impact, seed 0". */
    static String describe(int samples, String caseName, long seed) {
        return samples + " full runs of case " + caseName + ", seed " + seed;
    }
}
