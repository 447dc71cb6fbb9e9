package org.submodeluq.spark;

import java.io.Serializable;

/**
 * What a task sends back for its key: the record and the description of the code that computed it, or
 * the sample's failure. A failure travels as a value, not as a failed task, so that Spark does not
 * retry a sample that fails for a model error; only a lost executor makes Spark run a task again.
 */
record Outcome(long key, double[] record, String description, RuntimeException failure) implements Serializable {

    static Outcome done(long key, double[] record, String description) {
        return new Outcome(key, record, description, null);
    }

    static Outcome failed(long key, RuntimeException failure) {
        return new Outcome(key, null, null, Failures.portable(failure));
    }
}
