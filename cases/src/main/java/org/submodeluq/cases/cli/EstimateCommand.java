package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.submodeluq.core.UserInputException;
import org.submodeluq.montecarlo.multifidelity.MeanMapEstimate;
import org.submodeluq.montecarlo.multifidelity.MultifidelityFile;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq estimate}: the multifidelity answer, unbiased whatever the surrogates' errors, from
 * the full runs a mean map was fitted on and cheap samples of its cross-fitted surrogates.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimates each quantity's mean and P(Q > its 90th percentile) by control variates: the full "
                + "runs a mean map was fitted on, each paired with surrogates from fits that left it out (the submodel "
                + "under the map's cross-fitted traces, and an emulator of the quantities from the inputs), corrected "
                + "by cheap samples of the same fold fits at fresh inputs. Beside it: plain Monte Carlo on the full "
                + "runs and each surrogate alone; against the training set's test split when it has one.",
                "The submodel's cheap samples are a campaign of the fold maps: mc --generator DIR --cross-fit-folds."})
final class EstimateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--generator", paramLabel = "DIR", required = true,
            description = "Mean-map generator (mean-map or mean-map-residual, made by train) whose fitting runs are "
                    + "the pairs.")
    private Path generator;

    @Option(names = "--training", paramLabel = "FILE", required = true,
            description = "The training set it was fitted on: its fitting runs are the pairs, its test split the "
                    + "reference.")
    private Path training;

    @Option(names = "--mc", paramLabel = "FILE",
            description = "Campaign of the generator's fold maps (mc --generator DIR --cross-fit-folds): the "
                    + "submodel surrogate's cheap samples. Without it, the emulator alone corrects.")
    private Path campaign;

    @Option(names = "--emulator-samples", paramLabel = "N", defaultValue = "" + MeanMapEstimate.EMULATOR_SAMPLES,
            description = "Cheap samples of the emulator; 0 for no emulator (default: ${DEFAULT-VALUE}).")
    private int emulatorSamples;

    @Option(names = "--full-run-seconds", paramLabel = "S",
            description = "Thread-seconds of a full run, for the speed-up and for plan (default: none recorded).")
    private Double fullRunSeconds;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    private double level;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--markdown", paramLabel = "FILE", defaultValue = "estimate.md",
            description = "Markdown tables to write (default: ${DEFAULT-VALUE}).")
    private Path markdown;

    @Mixin
    private OutputOption out;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        List<Path> inputs = new ArrayList<>(List.of(generator, training));
        if (campaign != null) {
            inputs.add(campaign);
        }
        Path target = out.file(MultifidelityFile.FORMAT, inputs);
        Path table = OutputOption.checkedText("--markdown", markdown, inputs, "a multifidelity table",
                text -> text.lines().findFirst().orElse("").contains("multifidelity estimates"));
        UserInputException.require(emulatorSamples >= 0, "--emulator-samples", emulatorSamples, "0 or more");
        UserInputException.require(level > 0 && level < 1, "--level", level, "in (0, 1)");
        if (fullRunSeconds != null) {
            UserInputException.require(fullRunSeconds > 0, "--full-run-seconds", fullRunSeconds, "positive");
        }
        Consumer<String> progress = quiet.lines(command.commandLine().getErr(), "estimate");
        MultifidelityReport report = MeanMapEstimate.run(new MeanMapEstimate.Inputs(training, generator, campaign,
                emulatorSamples, fullRunSeconds, seed.value(), level, threads.count()), progress);
        MultifidelityFile.write(target, report);
        OutputOption.writeText(table, report.markdown());
        PrintWriter stdout = command.commandLine().getOut();
        stdout.print(report.markdown());
        stdout.printf(Locale.ROOT, "wrote %s and %s%n", table, target);
        stdout.flush();
        return 0;
    }
}
