package org.submodeluq.fem.bridge;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.submodeluq.fem.spec.FenicsModel;

/**
 * N Python workers serving the same model, for any number of calling threads: a call borrows an idle
 * worker, and a worker that crashes or overruns the call timeout is replaced and the call retried on
 * the new one, up to {@code maxRetries} times. The first worker starts alone so that it fills the
 * FFCx JIT cache; the others then start together and find their forms compiled. The pool stops its
 * workers when closed, and when the JVM shuts down.
 */
public final class WorkerPool implements AutoCloseable {

    /** How the pool is set up. */
    public record Settings(int workers, Duration callTimeout, Duration startupTimeout, int maxRetries,
                           Path logDirectory) {
        public Settings {
            if (workers < 1) {
                throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, not " + maxRetries);
            }
        }
    }

    private final PythonRuntime runtime;
    private final FenicsModel model;
    private final String caseJson;
    private final Settings settings;
    private final Consumer<String> events;
    private final BlockingQueue<PythonWorker> idle;
    private final List<PythonWorker> all = new ArrayList<>();
    private final Thread shutdownHook;
    private final String description;
    private int started;
    private boolean closed;
    private String lost;

    /**
     * Starts the workers and has each describe the case.
     *
     * @param caseJson the argument of every worker's describe call
     * @param events receives one line per worker start and replacement, for logs and progress displays
     * @throws WorkerException when a worker cannot start
     */
    public WorkerPool(PythonRuntime runtime, FenicsModel model, String caseJson, Settings settings,
                      Consumer<String> events) {
        this.runtime = runtime;
        this.model = model;
        this.caseJson = caseJson;
        this.settings = settings;
        this.events = events;
        this.idle = new ArrayBlockingQueue<>(settings.workers());
        this.shutdownHook = new Thread(this::close, "worker-pool-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            PythonWorker first = startWorker();
            this.description = first.describe(caseJson, settings.startupTimeout());
            idle.add(first);
            List<CompletableFuture<PythonWorker>> others = new ArrayList<>();
            for (int k = 1; k < settings.workers(); k++) {
                others.add(CompletableFuture.supplyAsync(this::startDescribedWorker));
            }
            for (CompletableFuture<PythonWorker> other : others) {
                idle.add(other.join());
            }
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof WorkerException w ? w : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a worker outside the pool's lock (startup takes seconds), then enlists it unless the pool closed. */
    private PythonWorker startWorker() {
        String id;
        synchronized (this) {
            if (closed) {
                throw new WorkerException(WorkerException.Kind.STARTUP, "the worker pool is closed");
            }
            id = Integer.toString(started++);
        }
        PythonWorker worker = new PythonWorker(id, runtime, model, settings.logDirectory().resolve("worker-" + id
                + ".log"), settings.startupTimeout());
        synchronized (this) {
            if (closed) {
                worker.close();
                throw new WorkerException(WorkerException.Kind.STARTUP, "the worker pool was closed while worker "
                        + id + " started");
            }
            all.add(worker);
        }
        events.accept("worker " + id + " started (pid " + worker.pid() + ")");
        return worker;
    }

    private PythonWorker startDescribedWorker() {
        PythonWorker worker = startWorker();
        try {
            worker.describe(caseJson, settings.startupTimeout());
            return worker;
        } catch (RuntimeException e) {
            retire(worker);
            throw e;
        }
    }

    private void retire(PythonWorker worker) {
        worker.close();
        synchronized (this) {
            all.remove(worker);
        }
    }

    /** What the first worker's describe call returned. */
    public String description() {
        return description;
    }

    /** Number of workers. */
    public int size() {
        return settings.workers();
    }

    /** Process ids of the workers now serving, for tests and diagnostics. */
    public synchronized List<Long> pids() {
        return all.stream().filter(PythonWorker::isAlive).map(PythonWorker::pid).toList();
    }

    /** Where the workers' gateways listen. */
    synchronized List<InetSocketAddress> gatewayAddresses() {
        return all.stream().map(PythonWorker::gatewayAddress).toList();
    }

    /**
     * Runs one sample on an idle worker. A worker that crashes is replaced, so the pool keeps its size,
     * and the sample is tried again, up to maxRetries more times.
     *
     * @throws WorkerException when the model fails, a replacement cannot start, or the sample crashed
     *     maxRetries + 1 times
     */
    public byte[] run(String sampleJson) {
        PythonWorker worker = borrow();
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return worker.run(sampleJson, settings.callTimeout());
                } catch (WorkerException e) {
                    if (!e.retryable()) {
                        throw e;
                    }
                    PythonWorker crashed = worker;
                    worker = null;
                    worker = replace(crashed, e);
                    if (attempt >= settings.maxRetries()) {
                        throw new WorkerException(WorkerException.Kind.CRASH, e.getMessage() + "; gave up after "
                                + (attempt + 1) + (attempt == 0 ? " attempt" : " attempts"), e);
                    }
                }
            }
        } finally {
            if (worker != null) {
                idle.add(worker);
            }
        }
    }

    /**
     * Runs one sample on one worker and times it.
     *
     * @return the round trip seen from Java and the time the model spent inside the call, in seconds
     */
    public double[] timedRun(String sampleJson) {
        PythonWorker worker = borrow();
        try {
            long start = System.nanoTime();
            worker.run(sampleJson, settings.callTimeout());
            double roundTrip = (System.nanoTime() - start) * 1e-9;
            return new double[] {roundTrip, worker.lastRunSeconds(settings.callTimeout())};
        } finally {
            idle.add(worker);
        }
    }

    /** An idle worker; fails rather than waits once the pool is closed or has lost a worker for good. */
    private PythonWorker borrow() {
        try {
            while (true) {
                PythonWorker worker = idle.poll(100, TimeUnit.MILLISECONDS);
                if (worker != null) {
                    return worker;
                }
                synchronized (this) {
                    if (closed || lost != null) {
                        throw new WorkerException(WorkerException.Kind.STARTUP, closed ? "the worker pool is closed"
                                : "the worker pool lost a worker it could not replace: " + lost);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException(WorkerException.Kind.CRASH, "interrupted while waiting for a worker");
        }
    }

    private PythonWorker replace(PythonWorker broken, WorkerException reason) {
        synchronized (this) {
            if (closed) {
                throw new WorkerException(WorkerException.Kind.STARTUP, "the worker pool was closed while worker "
                        + broken.id() + " was busy (is the JVM shutting down?)");
            }
        }
        events.accept("worker " + broken.id() + " failed (" + reason.getMessage() + "); starting a replacement");
        retire(broken);
        try {
            return startDescribedWorker();
        } catch (WorkerException e) {
            synchronized (this) {
                lost = e.getMessage();
            }
            throw new WorkerException(e.kind(), reason.getMessage() + "; its replacement failed too: " + e.getMessage(),
                    e);
        }
    }

    /** Stops every worker; safe to call more than once. */
    @Override
    public void close() {
        List<PythonWorker> workers;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            workers = new ArrayList<>(all);
            all.clear();
        }
        workers.parallelStream().forEach(PythonWorker::close);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down and runs the hook itself
            }
        }
    }
}
