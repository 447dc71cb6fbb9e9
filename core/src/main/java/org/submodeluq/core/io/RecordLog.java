package org.submodeluq.core.io;

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
import org.submodeluq.core.UserInputException;

/**
 * The checkpoint of a long campaign: finished work, appended one record at a time and flushed to
 * disk, so that a campaign killed at any moment resumes without recomputing it. The file starts with
 * the campaign's identity (its inputs, as text): a checkpoint of another campaign is refused, not
 * mixed in. Each record is {@code length, index, values, CRC32} with a fixed number of values; a
 * record cut short by a crash fails its length or checksum and is dropped, with everything after it.
 * The file is locked while open, so two commands cannot feed one checkpoint.
 */
public final class RecordLog implements AutoCloseable {

    private static final long MAGIC = 0x5355514b50543031L; // "SUQKPT01"

    private final Path path;
    private final FileChannel channel;
    private final int payload;
    private long dataStart;
    private long droppedBytes;

    /**
     * Opens the checkpoint of a campaign, creating it or reading back what it holds.
     *
     * @param identity text that names the campaign; must match the file's
     * @param values how many values each record holds
     */
    public RecordLog(Path path, String identity, int values) {
        this.path = path;
        this.payload = 8 * (1 + values);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open checkpoint " + path + ": " + e.getMessage(), e);
        }
        try {
            if (channel.tryLock() == null) {
                throw new UserInputException("checkpoint '" + path + "' is in use by another command; wait for it to end "
                        + "or write elsewhere");
            }
            if (channel.size() == 0) {
                writeHeader(identity);
            } else {
                readBack(identity);
            }
        } catch (OverlappingFileLockException e) {
            close();
            throw new UserInputException("checkpoint '" + path + "' is in use by another campaign of this process");
        } catch (UserInputException e) {
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
        dataStart = 12L + text.length;
        writeFully(header, 0);
        channel.force(true);
    }

    private void readBack(String identity) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(start, 0);
        start.flip();
        if (start.remaining() < 12 || start.getLong() != MAGIC) {
            throw new UserInputException("'" + path + "' is not a submodel-uq checkpoint; move it away or write "
                    + "elsewhere");
        }
        int length = start.getInt();
        if (length < 0 || length > channel.size() - 12) {
            throw new UserInputException("checkpoint '" + path + "' has a damaged header (an identity of " + length
                    + " bytes in a file of " + channel.size() + "); move it away to start afresh");
        }
        ByteBuffer text = ByteBuffer.allocate(length);
        channel.read(text, 12);
        if (!identity.equals(new String(text.array(), StandardCharsets.UTF_8))) {
            throw new UserInputException("checkpoint '" + path + "' belongs to another campaign (its inputs differ): "
                    + "delete it to start afresh, or rerun the command that made it");
        }
        dataStart = 12L + length;
        long intact = scan(new TreeMap<>());
        droppedBytes = channel.size() - intact;
        channel.truncate(intact);
    }

    /** Reads the intact records into {@code into}; returns where the first broken one (or the end) is. */
    private long scan(SortedMap<Long, double[]> into) throws IOException {
        long position = dataStart;
        ByteBuffer record = ByteBuffer.allocate(4 + payload + 8).order(ByteOrder.LITTLE_ENDIAN);
        while (true) {
            record.clear();
            int read = channel.read(record, position);
            if (read < record.capacity() || !addRecord(record.flip(), into)) {
                return position;
            }
            position += record.capacity();
        }
    }

    private boolean addRecord(ByteBuffer record, SortedMap<Long, double[]> into) {
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
        double[] values = new double[payload / 8 - 1];
        record.asDoubleBuffer().get(values);
        into.put(index, values);
        return true;
    }

    /** The records so far, by index, read back from the file (the log keeps none in memory). */
    /**
     * Bytes of a record cut short by a crash (and anything after it) that opening the checkpoint
     * dropped, so that the campaign can say its work is done again rather than keep silent about it.
     */
    public long droppedBytes() {
        return droppedBytes;
    }

    public synchronized SortedMap<Long, double[]> records() {
        SortedMap<Long, double[]> records = new TreeMap<>();
        try {
            scan(records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + path + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Appends a record and flushes it to disk; a later record of the same index replaces it on reading. */
    public synchronized void append(long index, double[] values) {
        if (values.length != payload / 8 - 1) {
            throw new IllegalArgumentException(values.length + " values for records of " + (payload / 8 - 1));
        }
        ByteBuffer record = ByteBuffer.allocate(4 + payload + 8).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(payload).putLong(index);
        for (double value : values) {
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
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Closes and removes the file, once its contents are safely in the campaign's output. */
    public void delete() {
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
