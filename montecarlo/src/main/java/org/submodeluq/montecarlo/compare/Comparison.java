package org.submodeluq.montecarlo.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.montecarlo.MonteCarloFile;
import org.submodeluq.montecarlo.MonteCarloResult;

/** Compares Monte Carlo files with the test split of a training set of the same case. */
public final class Comparison {

    /**
     * @param resamples bootstrap resamples per metric interval
     * @param level the intervals' confidence level
     * @param seed the bootstrap's seed
     * @param threads threads for the exact replay
     */
    public record Settings(int resamples, double level, long seed, int threads) {
    }

    /** Fewest test runs compared with: the noise floor splits them in two, and each half needs a spread. */
    public static final int MIN_TEST_RUNS = 10;

    private Comparison() {
    }

    /**
     * Reads the files, replays the test split through the submodel and measures every metric.
     *
     * @param progress hears one line per stage
     * @throws UserInputException when a file is not what it should be, or a Monte Carlo file is of another case
     */
    public static ComparisonReport run(Path reference, List<Path> monteCarlo, Settings settings,
                                       Consumer<String> progress) {
        TrainingSetFile.Contents training = TrainingSetFile.read(reference);
        String caseYaml = CaseFiles.toYaml(training.spec());
        List<MonteCarloFile.Contents> candidates = new ArrayList<>();
        for (Path path : monteCarlo) {
            MonteCarloFile.Contents contents = MonteCarloFile.read(path);
            String otherYaml = CaseFiles.toYaml(contents.spec());
            if (!otherYaml.equals(caseYaml)) {
                throw new UserInputException("'" + path + "' is a Monte Carlo run of another case than the reference '"
                        + reference + "' (first difference: '" + firstDifference(otherYaml, caseYaml) + "' vs '"
                        + firstDifference(caseYaml, otherYaml) + "'): compare results of one case");
            }
            candidates.add(contents);
        }
        List<FullRun> test = new ArrayList<>();
        for (long index : training.splits().test()) {
            test.add(training.runs().get(index));
        }
        if (test.size() < MIN_TEST_RUNS) {
            throw new UserInputException("the reference '" + reference + "' has " + test.size() + " test run(s); a "
                    + "comparison needs at least " + MIN_TEST_RUNS + " (generate more samples or a larger test share)");
        }
        progress.accept("replaying the " + test.size() + " test runs' traces through the submodel (exact)");
        ExactReplay exact = ExactReplay.of(new Submodel(training.spec()), test, settings.threads());
        List<ComparisonRow> rows = new ArrayList<>();
        for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
            String quantity = QuantitiesOfInterest.NAMES.get(q);
            progress.accept("bootstrapping the metrics of " + quantity);
            double[] truth = new double[test.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = test.get(i).quantities().toArray()[q];
            }
            rows.add(ComparisonRow.noiseFloor(quantity, truth, settings.resamples(), settings.level(), settings.seed()));
            rows.add(ComparisonRow.paired("exact", quantity, truth, MonteCarloResult.column(exact.quantities(), q),
                    settings.resamples(), settings.level(), settings.seed()));
            for (int c = 0; c < candidates.size(); c++) {
                rows.add(ComparisonRow.of(rowName(candidates, monteCarlo, c), quantity, truth,
                        candidates.get(c).column(q), settings.resamples(), settings.level(), settings.seed()));
            }
        }
        return new ComparisonReport(training.spec().name(), test.size(), exact.maxRelativeError(), rows,
                settings.level(), settings.resamples(), List.of());
    }

    /** The generator's kind, followed by the file's name when two files share a kind. */
    private static String rowName(List<MonteCarloFile.Contents> candidates, List<Path> paths, int c) {
        String kind = candidates.get(c).generator();
        boolean shared = candidates.stream().filter(other -> other.generator().equals(kind)).count() > 1;
        return shared ? kind + " (" + paths.get(c).getFileName() + ")" : kind;
    }

    /** The first line of {@code yaml} that {@code other} does not have at the same place. */
    private static String firstDifference(String yaml, String other) {
        String[] lines = yaml.split("\n");
        String[] others = other.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i >= others.length || !lines[i].equals(others[i])) {
                return lines[i].strip();
            }
        }
        return "(end of file)";
    }
}
