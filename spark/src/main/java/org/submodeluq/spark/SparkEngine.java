package org.submodeluq.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkException;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.core.io.Directories;
import org.submodeluq.core.engine.SampleComputer;
import org.submodeluq.core.engine.SampleWork;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Campaigns on Spark: each key is a task of its own, so a record reaches the driver's checkpoint as soon
 * as its task ends and a driver killed mid-job loses only the samples in flight; a lost executor's tasks
 * run again elsewhere, and since a record depends only on its key, nothing can tell where it ran.
 */
final class SparkEngine implements ClusterEngine {

    private final JavaSparkContext spark;
    private final String where;
    private final Map<SampleWork, String> jobs = new IdentityHashMap<>();
    private Path scratch;

    SparkEngine(JavaSparkContext spark, String where) {
        this.spark = spark;
        this.where = where;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public String describe(SampleWork work) {
        String id = jobId(work);
        int localSlots = spark.defaultParallelism();
        Task probe = key -> Outcome.done(key, null, ExecutorComputers.of(id, work, slots(localSlots)).description());
        Outcome[] answer = new Outcome[1];
        submit(List.of(-1L), probe, outcome -> {
            answer[0] = outcome;
            return false;
        });
        return answer[0].description();
    }

    @Override
    public void run(SampleWork work, String description, List<Long> keys, RecordSink sink) {
        String id = jobId(work);
        int localSlots = spark.defaultParallelism();
        Task compute = key -> {
            SampleComputer computer = ExecutorComputers.of(id, work, slots(localSlots));
            return Outcome.done(key, computer.compute(key), computer.description());
        };
        submit(keys, compute, outcome -> {
            if (!outcome.description().equals(description)) {
                throw new IllegalStateException("sample " + outcome.key() + " ran on an executor with "
                        + outcome.description() + ", where the campaign's first executor has " + description
                        + ": one result file cannot mix them; make the executors alike");
            }
            return sink.accept(outcome.key(), outcome.record());
        });
    }

    /** What one task does with its key, on an executor. */
    private interface Task extends Serializable {
        Outcome apply(long key);

        /** The task's outcome, its failure included: a sample's error travels as a value, never retried. */
        static Outcome attempt(Task task, long key) {
            try {
                return task.apply(key);
            } catch (RuntimeException e) {
                return Outcome.failed(key, e);
            }
        }
    }

    /**
     * Runs one task per key and hands each outcome to {@code taker} on this thread as it arrives, until all
     * have or the taker wants no more; a failed sample is thrown here, and the job cancelled.
     */
    private void submit(List<Long> keys, Task task, Predicate<Outcome> taker) {
        if (keys.isEmpty()) {
            return;
        }
        RDD<Long> tasks = spark.parallelize(keys, keys.size()).rdd();
        Function1<Iterator<Long>, Outcome> compute = (Function1<Iterator<Long>, Outcome> & Serializable) keysOfTask ->
                Task.attempt(task, keysOfTask.next());
        BlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
        Function2<Object, Outcome, BoxedUnit> handler = (partition, outcome) -> {
            finished.add(outcome);
            return BoxedUnit.UNIT;
        };
        SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(tasks, compute,
                CollectionConverters.asScala(IntStream.range(0, keys.size()).boxed().map(i -> (Object) i).toList())
                        .toSeq(), handler, () -> BoxedUnit.UNIT);
        try {
            for (int received = 0; received < keys.size(); received++) {
                Outcome outcome = next(finished, job);
                if (outcome.failure() != null) {
                    throw outcome.failure();
                }
                if (!taker.test(outcome)) {
                    return;
                }
            }
        } finally {
            if (!job.isCompleted()) {
                job.cancel();
                awaitKilledTasks();
            }
        }
    }

    /**
     * Waits, a few seconds at most, for the tasks of a cancelled job to stop: a context stopped while they
     * still report back logs an error for each.
     */
    private void awaitKilledTasks() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && Arrays.stream(spark.sc().statusTracker().getExecutorInfos())
                .mapToInt(SparkExecutorInfo::numRunningTasks).sum() > 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The next outcome, or the job's own failure (every executor lost, the driver's context stopped). */
    private static Outcome next(BlockingQueue<Outcome> finished, SimpleFutureAction<BoxedUnit> job) {
        try {
            while (true) {
                Outcome outcome = finished.poll(200, TimeUnit.MILLISECONDS);
                if (outcome != null) {
                    return outcome;
                }
                if (job.isCompleted() && finished.isEmpty()) {
                    job.get();
                    throw new IllegalStateException("the Spark job ended before all its samples came back");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", e);
        } catch (SparkException e) {
            throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        }
    }

    /**
     * How many tasks this JVM runs at once: the executor's cores when the cluster says, the driver's
     * threads when the driver is the executor (a local master), else the executor's processors.
     */
    private static int slots(int localSlots) {
        SparkEnv env = SparkEnv.get();
        if ("driver".equals(env.executorId())) {
            return localSlots;
        }
        return env.conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
    }

    /** The job's id in the executors' caches; its inputs go to every executor the first time it is seen. */
    private String jobId(SampleWork work) {
        String id = jobs.get(work);
        if (id == null) {
            id = UUID.randomUUID().toString();
            ShippedInputs.requireDistinctNames(work.inputs());
            for (Path input : work.inputs()) {
                ShippedInputs.ship(spark, id, input, scratch());
            }
            jobs.put(work, id);
        }
        return id;
    }

    /** Where the inputs' archives wait for the executors to fetch them, until the engine closes. */
    private Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("submodel-uq-spark-inputs-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a directory for the executors' inputs", e);
            }
        }
        return scratch;
    }

    @Override
    public void close() {
        spark.stop();
        ExecutorComputers.closeAll();
        if (scratch != null) {
            try {
                Directories.deleteTree(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + scratch, e);
            }
        }
    }
}
