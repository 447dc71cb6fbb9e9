package org.submodeluq.spark;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** Exceptions made fit to cross from an executor to the driver. */
final class Failures {

    private Failures() {
    }

    /**
     * The exception itself when Java serialization can carry it, so that the driver throws what the local
     * engine would have thrown; else an IllegalStateException with its text and stack trace (a cause from
     * a library that is not serializable must not turn a clear failure into a "task not serializable").
     */
    static RuntimeException portable(RuntimeException failure) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(failure);
            return failure;
        } catch (IOException e) {
            IllegalStateException copy = new IllegalStateException(failure.toString());
            copy.setStackTrace(failure.getStackTrace());
            return copy;
        }
    }
}
