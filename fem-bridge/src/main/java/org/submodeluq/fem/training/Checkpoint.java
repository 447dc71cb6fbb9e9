package org.submodeluq.fem.training;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.submodeluq.core.io.RecordLog;
import org.submodeluq.fem.model.FullRun;

/**
 * Finished full runs of a training campaign, one {@link RecordLog} record each ({@link FullRunRecord}).
 */
final class Checkpoint implements AutoCloseable {

    private final RecordLog log;
    private final FullRunRecord records;

    /** @param identity text that names the campaign (case, seed, solver kind); must match the file's */
    Checkpoint(Path path, String identity, FullRunRecord records) {
        this.records = records;
        this.log = new RecordLog(path, identity, records.length());
    }

    /** The samples finished so far, by index. */
    SortedMap<Long, FullRun> finished() {
        SortedMap<Long, FullRun> runs = new TreeMap<>();
        for (Map.Entry<Long, double[]> record : log.records().entrySet()) {
            runs.put(record.getKey(), records.decode(record.getValue()));
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

    /** Appends a finished sample and flushes it to disk. */
    void append(long index, FullRun run) {
        append(index, records.encode(run));
    }

    /** Appends a finished sample's record ({@link FullRunRecord}) and flushes it to disk. */
    void append(long index, double[] record) {
        log.append(index, record);
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
