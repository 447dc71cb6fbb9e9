package org.submodeluq.fem.bridge;

import java.util.concurrent.CompletableFuture;

/**
 * The Py4J entry point a worker sees: it registers its model here once it is ready, or reports why
 * it cannot start (a model that does not import, say) before it exits.
 */
public final class WorkerRegistration {

    private final CompletableFuture<RemoteFullModel> model = new CompletableFuture<>();

    /** Called by the worker with its model. */
    public void register(RemoteFullModel remote) {
        model.complete(remote);
    }

    /** Called by the worker when it cannot serve, with a one-line reason. */
    public void failed(String reason) {
        model.completeExceptionally(new WorkerException(WorkerException.Kind.STARTUP, reason));
    }

    CompletableFuture<RemoteFullModel> model() {
        return model;
    }
}
