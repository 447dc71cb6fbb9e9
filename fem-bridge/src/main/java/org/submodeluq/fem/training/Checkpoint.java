package org.submodeluq.fem.training;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.submodeluq.core.io.RecordLog;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;

/**
 * Finished full runs of a training campaign, one {@link RecordLog} record each: theta, the traces
 * (node, component, step) and the quantities of interest.
 */
final class Checkpoint implements AutoCloseable {

    private final RecordLog log;
    private final int modes;
    private final int nodes;
    private final int steps;

    /** @param identity text that names the campaign (case, seed, solver kind); must match the file's */
    Checkpoint(Path path, String identity, int modes, int nodes, int steps) {
        this.modes = modes;
        this.nodes = nodes;
        this.steps = steps;
        this.log = new RecordLog(path, identity, 3 + modes + nodes * 2 * steps + QuantitiesOfInterest.NAMES.size());
    }

    /** The samples finished so far, by index. */
    SortedMap<Long, FullRun> finished() {
        SortedMap<Long, FullRun> runs = new TreeMap<>();
        for (Map.Entry<Long, double[]> record : log.records().entrySet()) {
            runs.put(record.getKey(), decode(record.getValue()));
        }
        return runs;
    }

    /** The indices of the samples finished so far. */
    Set<Long> indices() {
        return new TreeSet<>(log.records().keySet());
    }

    /** Bytes of a sample cut short by a crash that opening the checkpoint dropped. */
    long droppedBytes() {
        return log.droppedBytes();
    }

    /** How many samples are finished so far. */
    int count() {
        return log.records().size();
    }

    private FullRun decode(double[] values) {
        int tracesAt = 3 + modes;
        int quantitiesAt = tracesAt + nodes * 2 * steps;
        double[] theta = Arrays.copyOfRange(values, 0, tracesAt);
        double[] traces = Arrays.copyOfRange(values, tracesAt, quantitiesAt);
        double[] q = Arrays.copyOfRange(values, quantitiesAt, values.length);
        return new FullRun(Theta.fromArray(theta), new BoundaryTraces(nodes, steps, traces),
                new QuantitiesOfInterest(q[0], q[1], q[2]));
    }

    /** Appends a finished sample and flushes it to disk. */
    void append(long index, FullRun run) {
        double[] values = new double[3 + modes + nodes * 2 * steps + QuantitiesOfInterest.NAMES.size()];
        double[] theta = run.theta().toArray();
        System.arraycopy(theta, 0, values, 0, theta.length);
        int at = theta.length;
        for (int n = 0; n < nodes; n++) {
            for (int c = 0; c < 2; c++) {
                for (int s = 0; s < steps; s++) {
                    values[at++] = run.traces().value(n, c, s);
                }
            }
        }
        double[] quantities = run.quantities().toArray();
        System.arraycopy(quantities, 0, values, at, quantities.length);
        log.append(index, values);
    }

    /** Removes the file, once all its contents are safely in the training set. */
    void delete() {
        log.delete();
    }

    @Override
    public void close() {
        log.close();
    }
}
