package org.submodeluq.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many records a {@code RecordLog} checkpoint holds, read from its size while another process writes
 * it: the tests that kill a campaign mid-job wait for a number of finished samples.
 */
public final class RecordsOnDisk {

    private RecordsOnDisk() {
    }

    /**
     * The whole records after the header (magic, identity length, identity); 0 while there is no header.
     *
     * @param values the values in each record
     */
    public static long count(Path checkpoint, int values) {
        try {
            if (!Files.exists(checkpoint) || Files.size(checkpoint) < 12) {
                return 0;
            }
            try (FileChannel channel = FileChannel.open(checkpoint, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(header, 0);
                long recordBytes = 4 + 8 + 8L * values + 8;
                return Math.max(0, (channel.size() - 12 - header.getInt(8)) / recordBytes);
            }
        } catch (IOException e) {
            return 0;
        }
    }
}
