package org.submodeluq.montecarlo;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.core.io.RecordLog;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.montecarlo.estimate.StoppingRule;
import org.submodeluq.montecarlo.estimate.SummaryOptions;

/**
 * Runs Monte Carlo samples of the submodel on several threads until the stopping rule says enough,
 * then writes the samples and their statistics ({@link MonteCarloFile}). Finished batches go to a
 * checkpoint beside the output as they complete, so a campaign killed at any moment and started
 * again recomputes only the batches it had not finished, and ends with the same bits. The checkpoint
 * serves any sample count: a smaller request takes the batches it needs and the checkpoint keeps the
 * rest. A Monte Carlo file already at the output is never silently replaced ({@link #alreadyDone}).
 */
public final class MonteCarloCampaign {

    private final SubmodelSampler sampler;
    private final GeneratorLabel generator;
    private final CampaignSettings settings;
    private final Path output;
    private final boolean replaceExisting;

    /**
     * A campaign that refuses to replace another campaign's file at {@code output}.
     *
     * @param generator names the generator in the output and in the campaign's identity: a checkpoint
     *     left by another generator is refused
     * @param output the result's path; the checkpoint is {@code output + ".checkpoint"}
     */
    public MonteCarloCampaign(SubmodelSampler sampler, GeneratorLabel generator, CampaignSettings settings,
                              Path output) {
        this(sampler, generator, settings, output, false);
    }

    /**
     * @param generator names the generator in the output and in the campaign's identity: a checkpoint
     *     left by another generator is refused
     * @param output the result's path; the checkpoint is {@code output + ".checkpoint"}
     * @param replaceExisting whether a file at {@code output} that this campaign would not write (another
     *     case, generator, seed or settings, or more samples) may be replaced
     */
    public MonteCarloCampaign(SubmodelSampler sampler, GeneratorLabel generator, CampaignSettings settings,
                              Path output, boolean replaceExisting) {
        this.sampler = sampler;
        this.generator = generator;
        this.settings = settings;
        this.output = output;
        this.replaceExisting = replaceExisting;
    }

    /** Where finished batches wait for the end of the campaign, and batches beyond the output stay. */
    public Path checkpointPath() {
        return output.resolveSibling(output.getFileName() + ".checkpoint");
    }

    /** What the checkpoint's samples depend on: not the sample count, since sample i is the same for any. */
    private String checkpointIdentity() {
        return "case:\n" + CaseFiles.toYaml(sampler.spec()) + "generator: " + generator.identity()
                + "\nseed: " + settings.seed() + "\nbatch: " + settings.batchSize();
    }

    /** What the output depends on besides the sample count: the samples, where they stop, the statistics. */
    private String fileIdentity() {
        StoppingRule stopping = settings.stopping();
        SummaryOptions summary = settings.summary();
        StringBuilder thresholds = new StringBuilder();
        new TreeMap<>(settings.thresholds()).forEach((name, values) -> thresholds.append(' ').append(name).append('=')
                .append(Arrays.toString(values)));
        return checkpointIdentity()
                + "\nstopping: " + (stopping.hasPrecisionTarget() ? "target " + stopping.targetRelativeHalfWidth()
                + " at level " + stopping.level() + " after at least " + stopping.minSamples() : "none")
                + "\nstatistics: level " + summary.level() + ", mean " + summary.meanMethod().text() + ", proportion "
                + summary.proportionMethod().text() + ", quantiles " + Arrays.toString(summary.quantileProbabilities())
                + ", seed " + summary.seed()
                + "\nthresholds:" + thresholds;
    }

    /**
     * Looks at the output before any work.
     *
     * @return whether the output already is this campaign's result, which {@link #run} then returns
     *     without work
     * @throws UserInputException (field "output") when a Monte Carlo file of another campaign, or of more
     *     samples, is there and the campaign may not replace it; the message says what is there and
     *     names no option
     */
    public boolean alreadyDone() {
        Optional<ExistingMonteCarlo> existing;
        try {
            existing = ExistingMonteCarlo.at(output);
        } catch (UserInputException e) {
            if (replaceExisting) {
                return false;
            }
            throw e;
        }
        if (existing.isEmpty()) {
            return false;
        }
        ExistingMonteCarlo there = existing.get();
        boolean same = there.campaign().equals(fileIdentity());
        long wanted = settings.stopping().maxSamples();
        if (same && there.maxSamples() == wanted) {
            return true;
        }
        if (replaceExisting || same && there.maxSamples() < wanted) {
            return false;
        }
        String holds = "'" + output + "' holds " + ExistingMonteCarlo.describe(there.samplesInWords(), there.caseName(),
                there.generator(), there.seed());
        if (same) {
            throw new UserInputException("output", holds + "; this asks for " + (settings.stopping()
                    .hasPrecisionTarget() ? "at most " : "") + wanted);
        }
        String asked = ExistingMonteCarlo.describe(String.valueOf(wanted), sampler.spec().name(), generator.name(),
                settings.seed());
        boolean sameInWords = ExistingMonteCarlo.describe("", there.caseName(), there.generator(), there.seed())
                .equals(ExistingMonteCarlo.describe("", sampler.spec().name(), generator.name(), settings.seed()));
        String why = !there.generatorManifest().equals(generator.manifest())
                || !there.generatorDevice().equals(generator.device())
                ? " (another generator of that kind, or on another device)" : " with other settings";
        throw new UserInputException("output", holds + "; this asks for " + asked + (sameInWords ? why : ""));
    }

    /**
     * Runs the missing batches and writes the result file. The checkpoint is removed once the file is
     * written unless it holds samples beyond it, which it keeps for a larger request and says so.
     *
     * @throws UserInputException as {@link #alreadyDone}, before any work
     */
    public MonteCarloResult run(CampaignProgress progress) {
        return run(progress, this::runOnThreads);
    }

    /**
     * As {@link #run(CampaignProgress)}, the batches computed by a cluster's executors, each making the
     * generator for itself from {@code generator}; their records reach the checkpoint as they come, and
     * the job ends as soon as the stopping rule is met.
     *
     * @param generator makes on an executor the generator this campaign's sampler draws from
     */
    public MonteCarloResult run(CampaignProgress progress, ClusterEngine engine, GeneratorSource generator) {
        return run(progress, batches -> {
            BatchWork work = new BatchWork(sampler.spec(), generator, settings.batches());
            String description = engine.describe(work);
            List<Long> missing = new ArrayList<>();
            for (long batch = 0; batch < settings.batchCount(); batch++) {
                if (!batches.finished.containsKey(batch)) {
                    missing.add(batch);
                }
            }
            engine.run(work, description, missing, (batch, record) -> {
                batches.add(batch, record);
                return !batches.stop.stopped();
            });
        });
    }

    private MonteCarloResult run(CampaignProgress progress, Consumer<Batches> runMissing) {
        long start = System.nanoTime();
        if (alreadyDone()) {
            return kept(progress, start);
        }
        try (RecordLog log = new RecordLog(checkpointPath(), checkpointIdentity(),
                BatchRecord.length(settings.batchSize()))) {
            if (log.droppedBytes() > 0) {
                progress.note("dropped the last " + log.droppedBytes() + " bytes of " + checkpointPath()
                        + ": a batch cut short by a crash, drawn again");
            }
            Map<Long, double[]> finished = new ConcurrentHashMap<>();
            Set<Long> heldLonger = new HashSet<>();
            log.records().headMap(settings.batchCount()).forEach((batch, record) -> {
                if (BatchRecord.count(record) == settings.samplesIn(batch)) {
                    finished.put(batch, record);
                } else if (BatchRecord.count(record) > settings.samplesIn(batch)) {
                    // the short last batch of this request; drawn alone, as a fresh campaign draws it
                    heldLonger.add(batch);
                }
            });
            SequentialStop stop = new SequentialStop(settings);
            for (long batch = 0; finished.containsKey(batch); batch++) {
                stop.offer(batch, finished.get(batch));
            }
            long resumed = finished.values().stream().mapToLong(BatchRecord::count).sum();
            if (resumed > 0) {
                progress.note("resuming: " + resumed + " samples are in " + checkpointPath());
            }
            progress.started(resumed, settings.stopping().maxSamples());
            runMissing.accept(new Batches(log, finished, heldLonger, stop, resumed, progress));
            if (!stop.stopped()) {
                throw new IllegalStateException("the campaign ended with batches missing; the finished ones are in "
                        + checkpointPath());
            }
            double[][] samples = new double[(int) stop.samples()][];
            double seconds = 0;
            for (long batch = 0; batch * settings.batchSize() < samples.length; batch++) {
                double[] record = finished.get(batch);
                double[][] rows = BatchRecord.quantities(record);
                System.arraycopy(rows, 0, samples, (int) (batch * settings.batchSize()), rows.length);
                seconds += BatchRecord.seconds(record);
            }
            MonteCarloResult result = MonteCarloResult.of(settings, samples, stop.reason(), seconds / samples.length,
                    (System.nanoTime() - start) / 1e9, resumed);
            MonteCarloFile.write(output, sampler.spec(), generator, settings, fileIdentity(), result);
            long kept = log.records().values().stream().mapToLong(BatchRecord::count).sum();
            if (kept > samples.length) {
                progress.note("kept " + kept + " finished samples in " + checkpointPath() + "; " + samples.length
                        + " used");
            } else {
                log.delete();
            }
            if (samples.length < settings.stopping().maxSamples()) {
                progress.note("stopped at " + samples.length + " samples: " + stop.reason());
            }
            return result;
        }
    }

    /** The result already at the output, read back, its statistics computed again from its samples. */
    private MonteCarloResult kept(CampaignProgress progress, long start) {
        double[][] samples = MonteCarloFile.read(output).samples();
        String reason;
        double secondsPerSample;
        try (HdfFile file = new HdfFile(output)) {
            reason = (String) file.getAttribute("stop_reason").getData();
            secondsPerSample = ((Number) file.getAttribute("seconds_per_sample").getData()).doubleValue();
        }
        progress.note("'" + output + "' already holds this campaign's " + samples.length + " samples; kept as it is");
        return MonteCarloResult.of(settings, samples, reason, secondsPerSample, (System.nanoTime() - start) / 1e9,
                samples.length);
    }

    /**
     * The batches of a run of the campaign, and what happens to one that finishes: to the checkpoint, to
     * the stopping rule, to the progress bar.
     *
     * @param heldLonger batches the checkpoint holds with more samples than this campaign's short last
     *     batch: computed, but not appended, which would replace the longer record
     */
    private final class Batches {

        private final RecordLog log;
        private final Map<Long, double[]> finished;
        private final Set<Long> heldLonger;
        private final SequentialStop stop;
        private final AtomicLong done;
        private final CampaignProgress progress;

        Batches(RecordLog log, Map<Long, double[]> finished, Set<Long> heldLonger, SequentialStop stop, long resumed,
                CampaignProgress progress) {
            this.log = log;
            this.finished = finished;
            this.heldLonger = heldLonger;
            this.stop = stop;
            this.done = new AtomicLong(resumed);
            this.progress = progress;
        }

        void add(long batch, double[] record) {
            if (!heldLonger.contains(batch)) {
                log.append(batch, record);
            }
            finished.put(batch, record);
            stop.offer(batch, record);
            progress.sampleDone(done.addAndGet(BatchRecord.count(record)), settings.stopping().maxSamples());
        }
    }

    private void runOnThreads(Batches batches) {
        AtomicLong cursor = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            while (failure.get() == null && !batches.stop.stopped()) {
                long batch = cursor.getAndIncrement();
                if (batch >= settings.batchCount()) {
                    return;
                }
                if (batches.finished.containsKey(batch)) {
                    continue;
                }
                try {
                    long begin = System.nanoTime();
                    int n = settings.samplesIn(batch);
                    double[][] quantities = sampler.run(settings.seed(), batch * settings.batchSize(), n);
                    batches.add(batch, BatchRecord.pack(quantities, settings.batchSize(),
                            (System.nanoTime() - begin) / 1e9));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            Thread thread = new Thread(worker, "monte-carlo-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted; finished batches are in " + checkpointPath(), e);
            }
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
    }
}
