package org.submodeluq.fem.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * the seed and i, the final file is the one an uninterrupted run would have written. When a sample
 * fails for good, no new sample starts, the ones running finish into the checkpoint, and the error
 * is rethrown.
 */
public final class TrainingCampaign {

    private final ZonedMesh zoned;
    private final long seed;
    private final int samples;
    private final double[] splitFractions;
    private final Path output;

    /**
     * @param splitFractions train, validation and test shares
     * @param output the training set's path; the checkpoint is {@code output + ".checkpoint"}
     */
    public TrainingCampaign(ZonedMesh zoned, long seed, int samples, double[] splitFractions, Path output) {
        this.zoned = zoned;
        this.seed = seed;
        this.samples = samples;
        this.splitFractions = splitFractions.clone();
        this.output = output;
        Splits.of(samples, splitFractions, seed);
    }

    /** Where finished samples wait for the end of the campaign. */
    public Path checkpointPath() {
        return output.resolveSibling(output.getFileName() + ".checkpoint");
    }

    /**
     * Runs the missing samples and writes the training set.
     *
     * @param solverKind "java" or "fenics": part of the campaign's identity, so that a resumed campaign
     *     never mixes runs of two solvers
     * @return the runs written
     */
    public SortedMap<Long, FullRun> run(FullModelSolver solver, String solverKind, CampaignProgress progress) {
        String identity = "case:\n" + CaseFiles.toYaml(zoned.spec()) + "seed: " + seed + "\nsolver: " + solverKind;
        try (Checkpoint checkpoint = new Checkpoint(checkpointPath(), identity, zoned.spec().modulusField().modes(),
                zoned.cutNodeCount(), zoned.spec().time().steps())) {
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
            runMissing(solver, checkpoint, missing, finished.size(), progress);
            SortedMap<Long, FullRun> all = new TreeMap<>(checkpoint.finished().subMap(0L, (long) samples));
            TrainingSetFile.write(output, zoned, seed, solver.description(), all, Splits.of(samples, splitFractions,
                    seed));
            checkpoint.delete();
            return all;
        }
    }

    private void runMissing(FullModelSolver solver, Checkpoint checkpoint, List<Long> missing, long alreadyDone,
                            CampaignProgress progress) {
        ThetaSampler sampler = new ThetaSampler(zoned.spec(), seed);
        AtomicLong done = new AtomicLong(alreadyDone);
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
