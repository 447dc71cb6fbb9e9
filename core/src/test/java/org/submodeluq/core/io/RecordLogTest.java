package org.submodeluq.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;

class RecordLogTest {

    @Test
    void recordsSurviveReopeningInAnyAppendOrder(@TempDir Path directory) {
        Path path = directory.resolve("c.checkpoint");
        try (RecordLog log = new RecordLog(path, "campaign A", 2)) {
            log.append(7, new double[] {1.5, -2});
            log.append(3, new double[] {Double.MIN_VALUE, Math.PI});
        }
        try (RecordLog log = new RecordLog(path, "campaign A", 2)) {
            SortedMap<Long, double[]> records = log.records();
            assertEquals(2, records.size());
            assertArrayEquals(new double[] {Double.MIN_VALUE, Math.PI}, records.get(3L));
            assertArrayEquals(new double[] {1.5, -2}, records.get(7L));
        }
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndTheRestKept(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("c.checkpoint");
        try (RecordLog log = new RecordLog(path, "campaign A", 3)) {
            log.append(0, new double[] {1, 2, 3});
            log.append(1, new double[] {4, 5, 6});
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(path) - 5);
        }
        try (RecordLog log = new RecordLog(path, "campaign A", 3)) {
            assertEquals(4 + 4 * 8 + 8 - 5, log.droppedBytes());
            assertEquals(1, log.records().size());
            assertArrayEquals(new double[] {1, 2, 3}, log.records().get(0L));
            log.append(1, new double[] {4, 5, 6});
        }
        try (RecordLog log = new RecordLog(path, "campaign A", 3)) {
            assertEquals(2, log.records().size());
        }
    }

    @Test
    void theCheckpointOfAnotherCampaignIsRefusedAndKept(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("c.checkpoint");
        try (RecordLog log = new RecordLog(path, "campaign A", 1)) {
            log.append(0, new double[] {42});
        }
        byte[] before = Files.readAllBytes(path);
        UserInputException refused = assertThrows(UserInputException.class, () -> new RecordLog(path, "campaign B", 1));
        assertTrue(refused.getMessage().startsWith("checkpoint '" + path + "' belongs to another campaign"),
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void aDamagedHeaderIsOneClearErrorNotAnOutOfMemoryError(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("c.checkpoint");
        try (RecordLog log = new RecordLog(path, "campaign A", 1)) {
            log.append(0, new double[] {42});
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}), 8);
        }
        byte[] before = Files.readAllBytes(path);
        UserInputException damaged = assertThrows(UserInputException.class, () -> new RecordLog(path, "campaign A", 1));
        assertEquals("checkpoint '" + path + "' has a damaged header (an identity of 2147483647 bytes in a file of "
                + before.length + "); move it away to start afresh", damaged.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path));
    }
}
