package org.submodeluq.fem.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.spec.CaseException;

/**
 * Finished samples of a campaign, appended one record at a time and flushed to disk, so that a
 * campaign killed at any moment resumes without recomputing them. The file starts with the
 * campaign's identity (case, seed, solver kind): a checkpoint of another campaign is refused, not
 * mixed in. Each record is {@code length, index, theta, traces, quantities, CRC32}; a record cut short
 * by a crash fails its length or checksum and is dropped, with everything after it. The file is locked
 * while open, so two commands cannot feed one checkpoint.
 */
final class Checkpoint implements AutoCloseable {

    private static final long MAGIC = 0x5355514b50543031L; // "SUQKPT01"

    private final Path path;
    private final FileChannel channel;
    private final SortedMap<Long, FullRun> finished = new TreeMap<>();
    private final int modes;
    private final int nodes;
    private final int steps;

    /**
     * Opens the checkpoint of a campaign, creating it or reading back what it holds.
     *
     * @param identity text that names the campaign; must match the file's
     */
    Checkpoint(Path path, String identity, int modes, int nodes, int steps) {
        this.path = path;
        this.modes = modes;
        this.nodes = nodes;
        this.steps = steps;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open checkpoint " + path + ": " + e.getMessage(), e);
        }
        try {
            if (channel.tryLock() == null) {
                throw new CaseException("checkpoint '" + path + "' is in use by another command; wait for it to end "
                        + "or choose another --out");
            }
            if (channel.size() == 0) {
                writeHeader(identity);
            } else {
                readBack(identity);
            }
        } catch (OverlappingFileLockException e) {
            close();
            throw new CaseException("checkpoint '" + path + "' is in use by another campaign of this process");
        } catch (CaseException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open checkpoint " + path + ": " + e.getMessage(), e);
        }
    }

    private void writeHeader(String identity) throws IOException {
        byte[] text = identity.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(12 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC).putInt(text.length).put(text).flip();
        writeFully(header, 0);
        channel.force(true);
    }

    private void readBack(String identity) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(start, 0);
        start.flip();
        if (start.remaining() < 12 || start.getLong() != MAGIC) {
            throw new CaseException("'" + path + "' is not a submodel-uq checkpoint; move it away or choose another "
                    + "--out");
        }
        int length = start.getInt();
        ByteBuffer text = ByteBuffer.allocate(length);
        channel.read(text, 12);
        if (!identity.equals(new String(text.array(), StandardCharsets.UTF_8))) {
            throw new CaseException("checkpoint '" + path + "' belongs to another campaign (its case, seed or solver "
                    + "differ): delete it to start afresh, or rerun the command that made it");
        }
        long position = 12L + length;
        int payload = 8 * (1 + 3 + modes + nodes * 2 * steps + QuantitiesOfInterest.NAMES.size());
        ByteBuffer record = ByteBuffer.allocate(4 + payload + 8).order(ByteOrder.LITTLE_ENDIAN);
        while (true) {
            record.clear();
            int read = channel.read(record, position);
            if (read < record.capacity() || !addRecord(record.flip(), payload)) {
                break;
            }
            position += record.capacity();
        }
        channel.truncate(position);
    }

    private boolean addRecord(ByteBuffer record, int payload) {
        if (record.getInt() != payload) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(record.array(), 4, payload);
        record.position(4 + payload);
        if (record.getLong() != crc.getValue()) {
            return false;
        }
        record.position(4);
        long index = record.getLong();
        double[] theta = new double[3 + modes];
        record.asDoubleBuffer().get(theta);
        record.position(record.position() + 8 * theta.length);
        double[] traces = new double[nodes * 2 * steps];
        record.asDoubleBuffer().get(traces);
        record.position(record.position() + 8 * traces.length);
        double[] q = new double[QuantitiesOfInterest.NAMES.size()];
        record.asDoubleBuffer().get(q);
        finished.put(index, new FullRun(Theta.fromArray(theta), new BoundaryTraces(nodes, steps, traces),
                new QuantitiesOfInterest(q[0], q[1], q[2])));
        return true;
    }

    /** The samples finished so far, by index. */
    synchronized SortedMap<Long, FullRun> finished() {
        return new TreeMap<>(finished);
    }

    /** Appends a finished sample and flushes it to disk. */
    synchronized void append(long index, FullRun run) {
        int payload = 8 * (1 + 3 + modes + nodes * 2 * steps + QuantitiesOfInterest.NAMES.size());
        ByteBuffer record = ByteBuffer.allocate(4 + payload + 8).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(payload).putLong(index);
        for (double value : run.theta().toArray()) {
            record.putDouble(value);
        }
        for (int n = 0; n < nodes; n++) {
            for (int c = 0; c < 2; c++) {
                for (int s = 0; s < steps; s++) {
                    record.putDouble(run.traces().value(n, c, s));
                }
            }
        }
        for (double value : run.quantities().toArray()) {
            record.putDouble(value);
        }
        CRC32 crc = new CRC32();
        crc.update(record.array(), 4, payload);
        record.putLong(crc.getValue()).flip();
        try {
            writeFully(record, channel.size());
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + path + ": " + e.getMessage(), e);
        }
        finished.put(index, run);
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Removes the file, once its contents are safely in the training set. */
    void delete() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
