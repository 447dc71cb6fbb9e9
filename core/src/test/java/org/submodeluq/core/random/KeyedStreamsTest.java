package org.submodeluq.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class KeyedStreamsTest {

    @Test
    void streamZeroIsPhiloxSeededWithTheKey() {
        UniformRandomProvider philox = RandomSource.PHILOX_4X64.create(12345L);
        UniformRandomProvider stream = KeyedStreams.stream(12345L, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(philox.nextLong(), stream.nextLong());
        }
    }

    @Test
    void aStreamIsTheSameWhateverWasDrawnBefore() {
        long first = KeyedStreams.stream(7, 1000).nextLong();
        for (int index = 0; index < 1000; index++) {
            KeyedStreams.stream(7, index).nextLong();
        }
        assertEquals(first, KeyedStreams.stream(7, 1000).nextLong());
    }

    @Test
    void indicesAndKeysGiveDistinctStreams() {
        Set<Long> firsts = new HashSet<>();
        for (long key = 0; key < 20; key++) {
            for (long index = 0; index < 50; index++) {
                firsts.add(KeyedStreams.stream(key, index).nextLong());
            }
        }
        assertEquals(20 * 50, firsts.size());
        assertNotEquals(KeyedStreams.stream(1, 0).nextLong(), KeyedStreams.stream(0, 1).nextLong());
    }

    @Test
    void aNegativeOrTooLargeIndexIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyedStreams.stream(0, -1));
        assertThrows(IllegalArgumentException.class, () -> KeyedStreams.stream(0, 1L << 20));
    }
}
