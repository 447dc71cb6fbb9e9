package org.submodeluq.montecarlo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.submodeluq.core.io.RecordLog;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.core.progress.CampaignProgress;

/**
 * Runs Monte Carlo samples of the submodel on several threads until the stopping rule says enough,
 * then writes the samples and their statistics ({@link MonteCarloFile}). Finished batches go to a
 * checkpoint beside the output as they complete, so a campaign killed at any moment and started
 * again recomputes only the batches it had not finished, and ends with the same bits.
 */
public final class MonteCarloCampaign {

    private final SubmodelSampler sampler;
    private final GeneratorLabel generator;
    private final CampaignSettings settings;
    private final Path output;

    /**
     * @param generator names the generator in the output and in the campaign's identity: a checkpoint
     *     left by another generator is refused
     * @param output the result's path; the checkpoint is {@code output + ".checkpoint"}
     */
    public MonteCarloCampaign(SubmodelSampler sampler, GeneratorLabel generator, CampaignSettings settings,
                              Path output) {
        this.sampler = sampler;
        this.generator = generator;
        this.settings = settings;
        this.output = output;
    }

    /** Where finished batches wait for the end of the campaign. */
    public Path checkpointPath() {
        return output.resolveSibling(output.getFileName() + ".checkpoint");
    }

    /** Runs the missing batches, writes the result file and removes the checkpoint. */
    public MonteCarloResult run(CampaignProgress progress) {
        long start = System.nanoTime();
        String identity = "case:\n" + CaseFiles.toYaml(sampler.spec()) + "generator: " + generator.identity()
                + "\nseed: " + settings.seed() + "\nbatch: " + settings.batchSize();
        try (RecordLog log = new RecordLog(checkpointPath(), identity, BatchRecord.length(settings.batchSize()))) {
            Map<Long, double[]> finished = new ConcurrentHashMap<>();
            log.records().headMap(settings.batchCount()).forEach((batch, record) -> {
                if (BatchRecord.count(record) == settings.samplesIn(batch)) {
                    finished.put(batch, record);
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
            runMissing(log, finished, stop, resumed, progress);
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
            MonteCarloFile.write(output, sampler.spec(), generator, settings, result);
            log.delete();
            if (samples.length < settings.stopping().maxSamples()) {
                progress.note("stopped at " + samples.length + " samples: " + stop.reason());
            }
            return result;
        }
    }

    private void runMissing(RecordLog log, Map<Long, double[]> finished, SequentialStop stop, long resumed,
                            CampaignProgress progress) {
        AtomicLong cursor = new AtomicLong();
        AtomicLong done = new AtomicLong(resumed);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            while (failure.get() == null && !stop.stopped()) {
                long batch = cursor.getAndIncrement();
                if (batch >= settings.batchCount()) {
                    return;
                }
                if (finished.containsKey(batch)) {
                    continue;
                }
                try {
                    long begin = System.nanoTime();
                    int n = settings.samplesIn(batch);
                    double[][] quantities = sampler.run(settings.seed(), batch * settings.batchSize(), n);
                    double[] record = BatchRecord.pack(quantities, settings.batchSize(),
                            (System.nanoTime() - begin) / 1e9);
                    log.append(batch, record);
                    finished.put(batch, record);
                    stop.offer(batch, record);
                    progress.sampleDone(done.addAndGet(n), settings.stopping().maxSamples());
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
