package org.submodeluq.cases.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Callable;
import org.submodeluq.cases.pipeline.FullSolvers;
import org.submodeluq.cases.pipeline.Pipeline;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.cases.pipeline.RunOptions;
import org.submodeluq.fem.spec.CaseSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq run}: the main job, from nothing to a report, reusing what an earlier run left. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The main job on one case: generates full runs (FEniCS when available, else Java), trains "
                + "the PCA-Gaussian and WGAN-GP generators, runs a Monte Carlo campaign for each, compares them "
                + "with the test split and writes the report.",
                "Each stage is reused when its inputs did not change, and an interrupted stage resumes from its "
                        + "checkpoint: run the same command again. About 10 minutes on 2 cores for the default "
                        + "case; --quick about 1 minute."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    private CaseOption caseOption;

    @Mixin
    private OutputOption out;

    @Option(names = "--quick", description = "Smoke-run sizes, about a minute for the default case.")
    private boolean quick;

    @Option(names = "--runs", paramLabel = "N",
            description = "Full runs (default: " + RunOptions.STANDARD_RUNS + "; --quick " + RunOptions.QUICK_RUNS + ").")
    private Integer runs;

    @Option(names = "--split", paramLabel = "TRAIN,VALIDATION,TEST", hideParamSyntax = true, split = ",",
            description = "Shares of the splits (default: " + RunOptions.STANDARD_SPLIT + "; --quick "
                    + RunOptions.QUICK_SPLIT + ").")
    private double[] split;

    @Mixin
    private SeedOption seed;

    @Option(names = "--solver", paramLabel = "SOLVER", description = "fenics, java, or auto: FEniCS when the "
            + "interpreter has DOLFINx, else Java (default: auto).")
    private FullSolvers.Request solver;

    @Mixin
    private PythonOption python;

    @Option(names = "--iterations", paramLabel = "N", description = "Generator updates of both WGAN-GPs, unconditional and conditional (default: "
            + RunOptions.STANDARD_ITERATIONS + "; --quick " + RunOptions.QUICK_ITERATIONS + ").")
    private Integer iterations;

    @Option(names = "--samples", paramLabel = "N", description = "Monte Carlo samples per generator (default: "
            + RunOptions.STANDARD_SAMPLES + "; --quick " + RunOptions.QUICK_SAMPLES + ").")
    private Long samples;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples per comparison interval "
            + "(default: " + RunOptions.STANDARD_BOOTSTRAP + "; --quick " + RunOptions.QUICK_BOOTSTRAP + ").")
    private Integer bootstrap;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private EngineOption engine;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        OutputOption.refuseOtherResults("--out", out.path(), "stages.h5");
        Contradictions.refuseIgnored(command, List.of("--python"), solver == FullSolvers.Request.java,
                "it applies to FEniCS workers, and --solver is java");
        CaseSpec spec = caseOption.load();
        RunOptions options = options();
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        long start = System.nanoTime();
        engine.check(command, List.of());
        RunLayout layout = new Pipeline(spec, options, out.path(), (stage, unit) -> new ProgressBar(err, stage, unit,
                quiet.on()), engine.cluster() ? engine::open : null).run();
        try {
            stdout.print(Files.readString(layout.comparisonMarkdown()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.comparisonMarkdown() + ": " + e.getMessage(), e);
        }
        stdout.printf(Locale.ROOT, "%nrun of case %s finished in %.1f s; report: %s%n", spec.name(),
                (System.nanoTime() - start) * 1e-9, layout.report().resolve("index.html"));
        stdout.flush();
        return 0;
    }

    /** The standard or quick sizes, with what the command line sets. */
    private RunOptions options() {
        RunOptions options = (quick ? RunOptions.quick(python.interpreter(), threads.count())
                : RunOptions.standard(python.interpreter(), threads.count())).withSeed(seed.value());
        if (runs != null) {
            options = options.withRuns(runs);
        }
        if (split != null) {
            options = options.withSplit(split);
        }
        if (solver != null) {
            options = options.withSolver(solver);
        }
        if (iterations != null) {
            options = options.withGanIterations(iterations);
        }
        if (samples != null) {
            options = options.withMcSamples(samples);
        }
        if (bootstrap != null) {
            options = options.withBootstrap(bootstrap);
        }
        return options;
    }
}
