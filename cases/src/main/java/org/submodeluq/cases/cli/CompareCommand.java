package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.submodeluq.montecarlo.compare.PerInputComparison;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import org.submodeluq.surrogate.conditional.CrossFitted;
import java.util.concurrent.Callable;
import org.submodeluq.core.UserInputException;
import org.submodeluq.montecarlo.compare.Comparison;
import org.submodeluq.montecarlo.compare.ComparisonFile;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq compare}: Monte Carlo results against the reference full runs of a training set. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares each quantity's distribution in Monte Carlo files with the test split of a "
                + "training set: errors of mean, std, 5 %% and 95 %% quantiles, W1/std and Kolmogorov-Smirnov, with "
                + "bootstrap intervals, the noise floor (two halves of the reference) and the exact replay (the "
                + "test traces through the submodel).",
                "Prints the table and writes it in Markdown and HDF5."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--reference", paramLabel = "FILE", required = true,
            description = "Training set whose test split is the reference.")
    private Path reference;

    @Option(names = "--mc", paramLabel = "FILE", description = "Monte Carlo file made by mc; repeatable.")
    private List<Path> monteCarlo = new ArrayList<>();

    @Option(names = "--generator", paramLabel = "DIR",
            description = "Conditional generator (made by train) to compare run by run with the test split at the same "
                    + "inputs, and a mean map's cross-fitted predictions with its fitting runs; repeatable.")
    private List<Path> generators = new ArrayList<>();

    @Mixin
    private DeviceOption device;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "500",
            description = "Bootstrap resamples per metric interval; 0 for none (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    private double level;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--markdown", paramLabel = "FILE", defaultValue = "comparison.md",
            description = "Markdown table to write (default: ${DEFAULT-VALUE}).")
    private Path markdown;

    @Mixin
    private OutputOption out;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        List<Path> inputs = new ArrayList<>(monteCarlo);
        inputs.addAll(generators);
        inputs.add(reference);
        Path target = out.file(ComparisonFile.FORMAT, inputs);
        Path table = OutputOption.checkedText("--markdown", markdown, inputs, "a comparison table",
                text -> text.lines().findFirst().orElse("").contains("each quantity's distribution against"));
        int parallel = threads.count();
        if (resamples != 0 && resamples < 100) {
            throw new UserInputException("--bootstrap", "= " + resamples + " is too few for a 95 % interval: 0 (none) or "
                    + ">= 100");
        }
        if (!(level > 0 && level < 1)) {
            throw new UserInputException("--level", "= " + level + " must be in (0, 1)");
        }
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Consumer<String> progress = quiet.lines(command.commandLine().getErr(), "compare");
        Map<String, BoundaryConditionGenerator> loaded = new LinkedHashMap<>();
        Map<String, CrossFitted> crossFitted = new LinkedHashMap<>();
        for (Path directory : generators) {
            BoundaryConditionGenerator generator = GeneratorFiles.load(directory, null, device.resolve());
            if (!(generator instanceof ConditionalGenerator)) {
                throw new UserInputException("--generator", "'" + directory + "' is " + generator.kind().text()
                        + ", which reads no inputs: only conditional generators compare run by run");
            }
            String name = generator.kind().text() + " (" + directory.getFileName() + ")";
            loaded.put(name, generator);
            if (generator.kind() == GeneratorKind.MEAN_MAP || generator.kind() == GeneratorKind.MEAN_MAP_RESIDUAL) {
                crossFitted.put(name, GeneratorFiles.crossFitted(directory));
            }
        }
        ComparisonReport report = Comparison.run(reference, monteCarlo,
                new Comparison.Settings(resamples, level, seed.value(), parallel), progress)
                .withPerInput(PerInputComparison.run(reference, loaded, crossFitted, seed.value(), parallel, progress));
        ComparisonFile.write(target, report);
        OutputOption.writeText(table, report.markdown());
        stdout.print(report.text());
        stdout.printf("wrote %s and %s%n", table, target);
        stdout.flush();
        return 0;
    }
}
