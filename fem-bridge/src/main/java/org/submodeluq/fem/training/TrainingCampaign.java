package org.submodeluq.fem.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.core.engine.SampleWork;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseFiles;

/**
 * Generates a training set: samples 0 .. N-1 of a seed, run by a full-model solver on as many threads
 * as it can serve, each finished sample flushed to a checkpoint beside the output. Started again after
 * an interruption, the same campaign skips what the checkpoint holds; since sample i depends only on
 * the seed and i, the final file is the one an uninterrupted run would have written, and the checkpoint
 * serves any sample count: a smaller request takes what it needs and the checkpoint keeps the rest. A
 * training set already at the output is never silently replaced ({@link #alreadyDone}). When a sample
 * fails for good, no new sample starts, the ones running finish into the checkpoint, and the error
 * is rethrown.
 */
public final class TrainingCampaign {

    private final ZonedMesh zoned;
    private final long seed;
    private final int samples;
    private final double[] splitFractions;
    private final Path output;
    private final boolean replaceExisting;

    /**
     * A campaign that refuses to replace another campaign's training set at {@code output}.
     *
     * @param splitFractions train, validation and test shares
     * @param output the training set's path; the checkpoint is {@code output + ".checkpoint"}
     */
    public TrainingCampaign(ZonedMesh zoned, long seed, int samples, double[] splitFractions, Path output) {
        this(zoned, seed, samples, splitFractions, output, false);
    }

    /**
     * @param splitFractions train, validation and test shares
     * @param output the training set's path; the checkpoint is {@code output + ".checkpoint"}
     * @param replaceExisting whether a file at {@code output} that this campaign would not write (another
     *     case, seed or solver, more samples, other splits) may be replaced; runs of its own in it are kept
     *     in the checkpoint either way
     */
    public TrainingCampaign(ZonedMesh zoned, long seed, int samples, double[] splitFractions, Path output,
                            boolean replaceExisting) {
        this.zoned = zoned;
        this.seed = seed;
        this.samples = samples;
        this.splitFractions = splitFractions.clone();
        this.output = output;
        this.replaceExisting = replaceExisting;
        Splits.of(samples, splitFractions, seed);
    }

    /** Where finished samples wait for the end of the campaign, and samples beyond the output stay. */
    public Path checkpointPath() {
        return output.resolveSibling(output.getFileName() + ".checkpoint");
    }

    /**
     * Looks at the output before any work.
     *
     * @param solverKind "java" or "fenics", as for {@link #run}
     * @return whether the output already is this campaign's training set, which {@link #run} then returns
     *     without work
     * @throws UserInputException (field "output") when a training set of another campaign, or of more
     *     samples or other splits, is there and the campaign may not replace it; the message says what
     *     is there and names no option
     */
    public boolean alreadyDone(String solverKind) {
        Optional<ExistingTrainingSet> existing = existing();
        if (existing.isEmpty()) {
            return false;
        }
        ExistingTrainingSet there = existing.get();
        Splits wanted = Splits.of(samples, splitFractions, seed);
        if (sameRuns(there, solverKind) && there.samples() == samples && there.splits().equals(wanted)) {
            return true;
        }
        if (replaceExisting || sameRuns(there, solverKind) && there.samples() < samples) {
            return false;
        }
        String holds = "'" + output + "' holds " + ExistingTrainingSet.describe(there.samples(), there.caseName(),
                there.seed());
        if (!sameRuns(there, solverKind)) {
            boolean otherSolver = !there.solverKind().equals(solverKind);
            String asked = ExistingTrainingSet.describe(samples, zoned.spec().name(), seed);
            throw new UserInputException("output", holds + (otherSolver ? " (" + there.solverKind() + " solver)" : "")
                    + "; this asks for " + asked + (otherSolver ? " (" + solverKind + " solver)" : "")
                    + (there.caseName().equals(zoned.spec().name()) && !there.caseYaml().equals(caseYaml())
                    ? " with other case settings" : ""));
        }
        if (there.samples() > samples) {
            throw new UserInputException("output", holds + "; this asks for " + samples);
        }
        throw new UserInputException("output", holds + " split " + shares(there.splits()) + "; this asks for split "
                + shares(wanted));
    }

    /** The training set at the output; something else there counts as nothing when it may be replaced. */
    private Optional<ExistingTrainingSet> existing() {
        try {
            return ExistingTrainingSet.at(output);
        } catch (UserInputException e) {
            if (replaceExisting) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean sameRuns(ExistingTrainingSet there, String solverKind) {
        return there.caseYaml().equals(caseYaml()) && there.seed() == seed && there.solverKind().equals(solverKind);
    }

    private String caseYaml() {
        return CaseFiles.toYaml(zoned.spec());
    }

    private static String shares(Splits splits) {
        return splits.train().length + "/" + splits.validation().length + "/" + splits.test().length;
    }

    /**
     * Runs the missing samples and writes the training set. Samples 0 .. N-1 come from the checkpoint,
     * from a training set of this case, seed and solver already at the output, or from the solver; the
     * checkpoint is removed once the training set is written unless it holds samples beyond it, which it
     * keeps for a larger request and says so.
     *
     * @param solverKind "java" or "fenics": part of the campaign's identity, so that a resumed campaign
     *     never mixes runs of two solvers
     * @return the runs written
     * @throws UserInputException as {@link #alreadyDone}, before any work
     */
    public SortedMap<Long, FullRun> run(FullModelSolver solver, String solverKind, CampaignProgress progress) {
        return run(solverKind, progress, new Runner() {
            @Override
            public String description() {
                return solver.description();
            }

            @Override
            public void runMissing(Checkpoint checkpoint, List<Long> missing, long alreadyDone) {
                runOnThreads(solver, checkpoint, missing, alreadyDone, progress);
            }
        });
    }

    /**
     * As {@link #run(FullModelSolver, String, CampaignProgress)}, the samples computed by a cluster's
     * executors, each opening {@code work} for itself; their records reach the checkpoint as they come.
     *
     * @param work computes sample i's {@link FullRunRecord} with the {@code solverKind} solver
     */
    public SortedMap<Long, FullRun> run(ClusterEngine engine, SampleWork work, String solverKind,
                                        CampaignProgress progress) {
        return run(solverKind, progress, new Runner() {
            private String description;

            @Override
            public String description() {
                if (description == null) {
                    description = engine.describe(work);
                }
                return description;
            }

            @Override
            public void runMissing(Checkpoint checkpoint, List<Long> missing, long alreadyDone) {
                AtomicLong done = new AtomicLong(alreadyDone);
                progress.started(alreadyDone, samples);
                engine.run(work, description(), missing, (index, record) -> {
                    checkpoint.append(index, record);
                    progress.sampleDone(done.incrementAndGet(), samples);
                    return true;
                });
            }
        });
    }

    /** Where the missing samples are computed, and by what code. */
    private interface Runner {

        /** The code that computes the runs, as the training set records it. */
        String description();

        /** Computes the samples {@code missing} into the checkpoint. */
        void runMissing(Checkpoint checkpoint, List<Long> missing, long alreadyDone);
    }

    private SortedMap<Long, FullRun> run(String solverKind, CampaignProgress progress, Runner runner) {
        if (alreadyDone(solverKind)) {
            progress.note("'" + output + "' already holds these " + samples + " samples; kept as it is");
            return TrainingSetFile.read(output).runs();
        }
        Optional<ExistingTrainingSet> existing = existing();
        String identity = "case:\n" + caseYaml() + "seed: " + seed + "\nsolver: " + solverKind;
        try (Checkpoint checkpoint = new Checkpoint(checkpointPath(), identity, new FullRunRecord(zoned))) {
            if (checkpoint.droppedBytes() > 0) {
                progress.note("dropped the last " + checkpoint.droppedBytes() + " bytes of " + checkpointPath()
                        + ": a sample cut short by a crash, computed again");
            }
            if (existing.isPresent() && sameRuns(existing.get(), solverKind)) {
                keepRunsOfOutput(checkpoint, progress);
            }
            SortedMap<Long, FullRun> finished = new TreeMap<>(checkpoint.finished().subMap(0L, (long) samples));
            if (!finished.isEmpty()) {
                progress.note("resuming: " + finished.size() + " of " + samples + " samples are in "
                        + checkpointPath());
            }
            List<Long> missing = new ArrayList<>();
            for (long i = 0; i < samples; i++) {
                if (!finished.containsKey(i)) {
                    missing.add(i);
                }
            }
            String description = runner.description();
            runner.runMissing(checkpoint, missing, finished.size());
            SortedMap<Long, FullRun> all = new TreeMap<>(checkpoint.finished().subMap(0L, (long) samples));
            TrainingSetFile.write(output, zoned, seed, description, all, Splits.of(samples, splitFractions, seed));
            int kept = checkpoint.count();
            if (kept > samples) {
                progress.note("kept " + kept + " finished samples in " + checkpointPath() + "; " + samples + " used");
            } else {
                checkpoint.delete();
            }
            return all;
        }
    }

    /** Copies the runs of this campaign's training set at the output into the checkpoint, before it is replaced. */
    private void keepRunsOfOutput(Checkpoint checkpoint, CampaignProgress progress) {
        Set<Long> held = checkpoint.indices();
        int copied = 0;
        for (Map.Entry<Long, FullRun> run : TrainingSetFile.read(output).runs().entrySet()) {
            if (!held.contains(run.getKey())) {
                checkpoint.append(run.getKey(), run.getValue());
                copied++;
            }
        }
        if (copied > 0) {
            progress.note("took " + copied + " finished samples from '" + output + "' into " + checkpointPath());
        }
    }

    private void runOnThreads(FullModelSolver solver, Checkpoint checkpoint, List<Long> missing, long alreadyDone,
                              CampaignProgress progress) {
        ThetaSampler sampler = new ThetaSampler(zoned.spec(), seed);
        AtomicLong done = new AtomicLong(alreadyDone);
        progress.started(alreadyDone, samples);
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(solver.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "campaign-sample");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (long index : missing) {
            futures.add(threads.submit(() -> {
                if (failed.get()) {
                    return;
                }
                try {
                    FullRun run = solver.run(index, sampler.sample(index));
                    checkpoint.append(index, run);
                    progress.sampleDone(done.incrementAndGet(), samples);
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        threads.shutdown();
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    futures.forEach(f -> f.cancel(false));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                threads.shutdownNow();
                throw new IllegalStateException("interrupted; finished samples are in " + checkpointPath(), e);
            } catch (CancellationException cancelled) {
                // skipped after an earlier failure
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
