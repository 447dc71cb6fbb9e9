package org.submodeluq.fem.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import py4j.CallbackClient;
import py4j.GatewayServer;
import py4j.Py4JNetworkException;
import org.submodeluq.fem.spec.FenicsModel;

/**
 * One Python worker process and the Py4J gateway it talks to. The gateway listens on the loopback
 * interface only, on a free port, and accepts only connections that present this worker's random
 * token; the worker's own callback server is on a free loopback port with the same token. Output
 * goes straight to a log file. The worker watches its standard input, which this object holds open:
 * when it is closed, or when the JVM dies for any reason, the worker kills its process group.
 * Calls are serialised: a worker runs one model call at a time (PETSc is not thread-safe).
 */
final class PythonWorker implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        GatewayServer.turnLoggingOff();
    }

    private final String id;
    private final Path log;
    private final GatewayServer gateway;
    private final Process process;
    private final OutputStream lifeline;
    private final RemoteFullModel model;
    private final ExecutorService caller;

    /**
     * Starts a worker and waits until its model is registered, the process exits or
     * {@code startupTimeout} passes, whichever comes first.
     *
     * @throws WorkerException of kind STARTUP when the worker cannot serve
     */
    PythonWorker(String id, PythonRuntime runtime, FenicsModel fenics, Path log, Duration startupTimeout) {
        this.id = id;
        this.log = log;
        String token = HexFormat.of().formatHex(randomBytes());
        WorkerRegistration registration = new WorkerRegistration();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        CallbackClient callbacks = new CallbackClient(GatewayServer.DEFAULT_PYTHON_PORT, loopback, token,
                CallbackClient.DEFAULT_MIN_CONNECTION_TIME, CallbackClient.DEFAULT_MIN_CONNECTION_TIME_UNIT,
                new PromptSockets(), true, GatewayServer.DEFAULT_READ_TIMEOUT);
        this.gateway = new GatewayServer.GatewayServerBuilder(registration).javaAddress(loopback).javaPort(0)
                .authToken(token).callbackClient(callbacks).build();
        gateway.start(true);
        ProcessBuilder builder = new ProcessBuilder(runtime.command(fenics, id, gateway.getListeningPort()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        runtime.configure(builder.environment(), fenics, token);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            this.process = builder.start();
        } catch (IOException e) {
            gateway.shutdown();
            throw new WorkerException(WorkerException.Kind.STARTUP, "cannot start Python '" + runtime.interpreter()
                    + "': " + e.getMessage() + "; install it (apt-get install -y python3-dolfinx) or name another "
                    + "interpreter");
        }
        this.lifeline = process.getOutputStream();
        this.caller = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "worker-" + id + "-caller");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.model = awaitRegistration(registration, startupTimeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private RemoteFullModel awaitRegistration(WorkerRegistration registration, Duration timeout) {
        CompletableFuture<Object> first = CompletableFuture.anyOf(registration.model(), process.onExit());
        try {
            first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new WorkerException(WorkerException.Kind.STARTUP, "worker " + id + " did not register within "
                    + timeout.toSeconds() + " s; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException(WorkerException.Kind.STARTUP, "interrupted while starting worker " + id);
        } catch (ExecutionException e) {
            // the registration failed: reported below
        }
        if (registration.model().isDone() && !registration.model().isCompletedExceptionally()) {
            return registration.model().join();
        }
        if (registration.model().isCompletedExceptionally()) {
            String reason = registration.model().handle((m, error) -> error.getCause() != null
                    ? error.getCause().getMessage() : error.getMessage()).join();
            throw new WorkerException(WorkerException.Kind.STARTUP, "worker " + id + " cannot load its model: " + reason
                    + hint(reason));
        }
        throw new WorkerException(WorkerException.Kind.STARTUP, "worker " + id + " exited with code "
                + process.exitValue() + " before registering: " + lastLine(log) + hint(lastLine(log)) + " (log: "
                + log + ")");
    }

    private static String hint(String reason) {
        return reason.contains("dolfinx") || reason.contains("petsc4py") || reason.contains("mpi4py")
                ? "; install FEniCS with 'apt-get install -y python3-dolfinx' (Debian/Ubuntu), or name an interpreter "
                        + "that has it"
                : "";
    }

    /** The last non-blank line of a log, where Python's traceback puts the error. */
    static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim();
                }
            }
            return "(no output)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    String id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    InetSocketAddress gatewayAddress() {
        return new InetSocketAddress(gateway.getAddress(), gateway.getListeningPort());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@link RemoteFullModel#describe}, with the call timeout of {@link #run}. */
    String describe(String caseJson, Duration timeout) {
        return call(() -> model.describe(caseJson), timeout, "describe");
    }

    /**
     * {@link RemoteFullModel#run}. A worker that dies or overruns {@code timeout} is killed and the
     * failure is of kind CRASH; an error raised by the model is of kind MODEL.
     */
    byte[] run(String sampleJson, Duration timeout) {
        return call(() -> model.run(sampleJson), timeout, "run");
    }

    /** Seconds the model spent inside the last run call, as the worker measured them. */
    double lastRunSeconds(Duration timeout) {
        return call(model::lastRunSeconds, timeout, "lastRunSeconds");
    }

    private synchronized <T> T call(java.util.concurrent.Callable<T> work, Duration timeout, String what) {
        if (!process.isAlive()) {
            throw crashed(what, null);
        }
        Future<T> result = caller.submit(work);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            close();
            throw new WorkerException(WorkerException.Kind.CRASH, "worker " + id + " took more than "
                    + timeout.toSeconds() + " s over " + what + " and was stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException(WorkerException.Kind.CRASH, "interrupted while waiting for worker " + id);
        } catch (ExecutionException e) {
            if (brokenConnection(e.getCause()) || !waitForLife()) {
                close();
                throw crashed(what, e.getCause());
            }
            throw new WorkerException(WorkerException.Kind.MODEL, "the model in worker " + id + " failed in " + what
                    + ": " + pythonError(e.getCause()), e.getCause());
        }
    }

    /** Whether a failed call failed in the connection rather than in the model. */
    private static boolean brokenConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof Py4JNetworkException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the process is still alive a moment after a failed call (a dying worker takes a little while). */
    private boolean waitForLife() {
        try {
            return !process.waitFor(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return process.isAlive();
        }
    }

    private WorkerException crashed(String what, Throwable cause) {
        String exit = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
        return new WorkerException(WorkerException.Kind.CRASH, "worker " + id + " died during " + what + exit
                + "; last output: " + lastLine(log), cause);
    }

    /** The last line of the Python traceback Py4J carries in its message, e.g. "ValueError: ...". */
    private static String pythonError(Throwable error) {
        String message = String.valueOf(error.getMessage());
        String[] lines = message.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].trim();
            }
        }
        return error.getClass().getSimpleName();
    }

    /**
     * Stops the worker: closes its lifeline, on which it kills its descendants and process group, then
     * kills whatever of them is left (descendants are listed first: once the worker is gone, its
     * children belong to init and can no longer be found from here).
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the pipe is already gone: the worker is exiting anyway
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        caller.shutdownNow();
        gateway.shutdown();
    }
}
