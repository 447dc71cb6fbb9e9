package org.submodeluq.fem.bridge;

/**
 * A Python worker could not do what was asked. The kind tells the pool what to do about it: a
 * crashed or stuck worker is replaced and its sample retried; a worker that cannot start or a model
 * that fails on its own terms would fail again, so the campaign stops with this one-line message.
 */
public final class WorkerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the worker failed. */
    public enum Kind {
        /** The worker could not start or load its model: retrying cannot help. */
        STARTUP,
        /** The model raised an error or returned bad data: retrying cannot help. */
        MODEL,
        /** The worker process died or timed out: a fresh worker may succeed. */
        CRASH
    }

    private final Kind kind;

    public WorkerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WorkerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a fresh worker could succeed where this one failed. */
    public boolean retryable() {
        return kind == Kind.CRASH;
    }
}
