package org.submodeluq.matformer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.random.KeyedStreams;

class WindowsTest {

    /** Byte i holds i, so a token tells where in the data it was read (values above 127 included). */
    private static final byte[] POSITIONS = positions(256);

    @Test
    void sampledWindowsAreRunsOfTheDataWithTargetsShiftedByOne() {
        int context = 16;
        Batch batch = new Windows(POSITIONS, context).sample(5000, KeyedStreams.stream(3, 0));
        for (int b = 0; b < 5000; b++) {
            long start = batch.inputs()[b][0];
            for (int t = 0; t < context; t++) {
                assertEquals(start + t, batch.inputs()[b][t]);
                assertEquals(start + t + 1, batch.targets()[b][t]);
            }
        }
        // every start from 0 to 256 - 16 - 1 = 239 occurs (each is missed with probability e^-20.8), none after
        LongSummaryStatistics starts = Arrays.stream(starts(List.of(batch))).summaryStatistics();
        assertEquals(0, starts.getMin());
        assertEquals(239, starts.getMax());
        assertEquals(240, Arrays.stream(starts(List.of(batch))).distinct().count());
    }

    @Test
    void sameStreamGivesTheSameBatch() {
        Windows windows = new Windows(POSITIONS, 8);
        Batch first = windows.sample(4, KeyedStreams.stream(11, 2));
        Batch again = windows.sample(4, KeyedStreams.stream(11, 2));
        assertArrayEquals(first.inputs(), again.inputs());
        assertArrayEquals(first.targets(), again.targets());
    }

    @Test
    void evaluationTilesTheDataWithoutOverlap() {
        // floor((256 - 1) / 10) = 25 windows at 0, 10, ..., 240: six batches of 4 and one of 1
        List<Batch> batches = new Windows(POSITIONS, 10).evaluation(4, 100);
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4, 1}, batches.stream().mapToInt(b -> b.inputs().length).toArray());
        assertArrayEquals(IntStream.range(0, 25).mapToLong(w -> 10L * w).toArray(), starts(batches));
        assertEquals(250, batches.get(6).targets()[0][9]);
    }

    @Test
    void evaluationStopsAtTheBatchLimit() {
        List<Batch> batches = new Windows(POSITIONS, 10).evaluation(4, 3);
        assertArrayEquals(IntStream.range(0, 12).mapToLong(w -> 10L * w).toArray(), starts(batches));
    }

    @Test
    void evaluationUsesTheLastByteAsATargetWhenWindowsFitExactly() {
        // 41 bytes: 4 windows of 10, the last reading bytes 30..39 and predicting 31..40
        List<Batch> batches = new Windows(positions(41), 10).evaluation(8, 1);
        assertArrayEquals(new long[] {0, 10, 20, 30}, starts(batches));
        assertEquals(40, batches.get(0).targets()[3][9]);
    }

    @Test
    void rejectsDataShorterThanOneWindowAndItsTarget() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Windows(positions(10), 10));
        assertEquals("data of 10 bytes is too short for a window of 10 tokens: needs at least 11 bytes",
                e.getMessage());
    }

    @Test
    void batchRejectsRaggedRows() {
        assertThrows(IllegalArgumentException.class, () -> new Batch(new long[][] {{1, 2}}, new long[][] {{2}}));
    }

    private static long[] starts(List<Batch> batches) {
        return batches.stream().flatMap(b -> Arrays.stream(b.inputs())).mapToLong(row -> row[0]).toArray();
    }

    private static byte[] positions(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
