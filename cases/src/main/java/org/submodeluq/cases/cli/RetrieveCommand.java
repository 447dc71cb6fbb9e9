package org.submodeluq.cases.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.encoder.EncoderFile;
import org.submodeluq.matformer.encoder.Memorisation;
import org.submodeluq.matformer.encoder.RetrievalStudy;
import org.submodeluq.matformer.encoder.TraceEncoder;
import org.submodeluq.matformer.encoder.TraceSet;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq matformer retrieve}: the nearest training runs of queries by each granularity of a
 * trace encoder, and a generator's memorisation check.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = {"Retrieves the nearest training runs (the train split) of queries with a trace encoder: "
                + "recall@k of each granularity, of small queries against the largest index and of adaptive "
                + "retrieval against the largest granularity alone, with their costs.",
                "With --generator, the memorisation check: each generated trace's distance to its nearest training "
                        + "run against the held-out real runs'."})
final class RetrieveCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--model", paramLabel = "DIR|FILE", required = true,
            description = "Encoder directory made by matformer encode-train, or its encoder.h5.")
    private Path model;

    @Option(names = "--training-set", paramLabel = "FILE", required = true,
            description = "Training set: its train split is the index, its validation and test splits the held-out "
                    + "queries.")
    private Path trainingSet;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "Another training set of the same case whose every run is a query (new runs).")
    private Path queries;

    @Option(names = "--generator", paramLabel = "DIR", description = "Generator directory (train) to check.")
    private Path generator;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "200",
            description = "Traces drawn from --generator (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--candidates", defaultValue = "30",
            description = "Adaptive retrieval: runs the smallest granularity keeps for re-ranking (default: "
                    + "${DEFAULT-VALUE}).")
    private int candidates;

    @Option(names = "--repetitions", defaultValue = "3",
            description = "Timed passes over the queries (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Mixin
    private SeedOption seed;

    @Mixin
    private GivenOption given;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new UserInputException("--samples", "= " + samples + " is not allowed: must be >= 1");
        }
        DjlRuntime.configure(1);
        PrintWriter stdout = command.commandLine().getOut();
        Path file = Files.isDirectory(model) ? model.resolve(EncodeTrainCommand.FILE) : model;
        TrainingTraces traces = TrainingTraces.read(trainingSet);
        TraceSet index = traces.train();
        TraceSet heldOut = traces.heldOut();
        TraceSet asked = queries != null ? TrainingTraces.read(queries).all() : heldOut;
        try (NDManager manager = NDManager.newBaseManager()) {
            TraceEncoder encoder = EncoderFile.read(file, manager);
            encoder.requireShape(index);
            encoder.requireShape(asked);
            BoundaryConditionGenerator fed = generator == null ? null : generator(encoder);
            RetrievalStudy study;
            try {
                study = new RetrievalStudy(encoder, index, k, candidates, repetitions);
            } catch (UserInputException e) {
                throw e.named("--" + e.field());
            }
            int largest = encoder.granularities() - 1;
            stdout.printf("encoder %s: %s, granularities (d_ff) %s; index: the %d runs of %s's train split; queries: "
                    + "%d %s%n", file, encoder.shape(), Arrays.toString(encoder.granularityWidths()),
                    index.size(), trainingSet, asked.size(), queries != null ? "runs of " + queries
                            : "held-out runs (validation and test splits)");
            stdout.printf("%nrecall@%d against the largest granularity alone; cost per query: embedding it and "
                    + "searching (index: embedding its %d runs), wall time one query at a time, min / median of %d%n%n",
                    k, index.size(), repetitions);
            stdout.printf("| method | recall@%d | parameters per query | MFLOPs per query | index MFLOPs "
                    + "| ms per query |%n|---|---|---|---|---|---|%n", k);
            List<RetrievalStudy.Method> methods = study.run(asked);
            for (RetrievalStudy.Method method : methods) {
                stdout.printf(Locale.ROOT, "| %s | %.3f | %,d | %.3f | %.1f | %.2f / %.2f |%n", method.name(),
                        method.recall(), method.parameters(), method.queryFlops() / 1e6, method.indexFlops() / 1e6,
                        method.millisecondsMin(), method.millisecondsMedian());
            }
            if (fed != null) {
                TraceSet generated = new TraceSet(encoder.shape().channels(), encoder.shape().steps(),
                        fed.sample(samples, seed.value()));
                Memorisation check = Memorisation.of(study.indexEmbeddings(largest), encoder.embed(heldOut, largest),
                        encoder.embed(generated, largest));
                stdout.printf("%nmemorisation check of %s (%s, %d traces, seed %d): distance to the nearest training "
                        + "run, unit embeddings of granularity %d (0: same direction, 1.41: orthogonal)%n%n", generator,
                        fed.kind().text(), samples, seed.value(), largest);
                stdout.printf("| traces | n | min | 5 %% | median | 95 %% |%n|---|---|---|---|---|---|%n");
                row(stdout, "training runs, to the nearest other", check.trainingRuns());
                row(stdout, "held-out real runs", check.heldOut());
                row(stdout, "generated", check.generated());
                stdout.printf(Locale.ROOT, "%nshare of generated traces nearer their nearest training run than the "
                        + "5 %% quantile of the held-out runs: %.3f (about 0.05 for traces as new as real runs, 1 for "
                        + "copies)%n", check.shareCloserThanHeldOut());
            }
        }
        stdout.flush();
        return 0;
    }

    /** The generator to check, loaded before any work, for traces of the encoder's shape. */
    private BoundaryConditionGenerator generator(TraceEncoder encoder) {
        BoundaryConditionGenerator loaded = GeneratorFiles.load(generator,
                new int[] {encoder.shape().channels() / 2, 2, encoder.shape().steps()}, Device.cpu());
        return given.feed(loaded, loaded instanceof ConditionalGenerator conditional ? conditional.trainedCase() : null,
                generator);
    }

    private static void row(PrintWriter stdout, String name, double[] distances) {
        double[] q = Memorisation.quantiles(distances);
        stdout.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f |%n", name, distances.length, q[0], q[1],
                q[2], q[3]);
    }
}
