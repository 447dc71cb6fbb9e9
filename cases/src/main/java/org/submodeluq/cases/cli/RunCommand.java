package org.submodeluq.cases.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    @Option(names = "--runs", paramLabel = "N", description = "Full runs (default: 2000; --quick 200).")
    private Integer runs;

    @Option(names = "--split", paramLabel = "TRAIN,VALIDATION,TEST", hideParamSyntax = true, split = ",",
            description = "Shares of the splits (default: 0.15,0.05,0.8; --quick 0.3,0.1,0.6).")
    private double[] split;

    @Mixin
    private SeedOption seed;

    @Option(names = "--solver", paramLabel = "SOLVER", description = "fenics, java, or auto: FEniCS when the "
            + "interpreter has DOLFINx, else Java (default: auto).")
    private FullSolvers.Request solver;

    @Mixin
    private PythonOption python;

    @Option(names = "--iterations", paramLabel = "N", description = "WGAN-GP generator updates (default: 2000; --quick 300).")
    private Integer iterations;

    @Option(names = "--samples", paramLabel = "N", description = "Monte Carlo samples per generator (default: 4000; --quick 500).")
    private Long samples;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples per comparison interval "
            + "(default: 500; --quick 200).")
    private Integer bootstrap;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        CaseSpec spec = caseOption.load();
        RunOptions options = options();
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        long start = System.nanoTime();
        RunLayout layout = new Pipeline(spec, options, out.path(), (stage, unit) -> new ProgressBar(err, stage, unit, quiet.on()))
                .run();
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
        int parallel = threads.count();
        RunOptions base = quick ? RunOptions.quick(python.interpreter(), parallel)
                : RunOptions.standard(python.interpreter(), parallel);
        return new RunOptions(runs != null ? runs : base.runs(), split != null ? split : base.split(),
                seed.value(), solver != null ? solver : base.solver(), base.fenics(),
                iterations != null ? iterations : base.ganIterations(), samples != null ? samples : base.mcSamples(),
                bootstrap != null ? bootstrap : base.bootstrap(), parallel);
    }
}
