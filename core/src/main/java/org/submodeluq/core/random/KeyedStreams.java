package org.submodeluq.core.random;

import org.apache.commons.rng.ArbitrarilyJumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The project's one source of randomness: stream {@code index} of key {@code key} is its own stretch
 * of one counter-based generator (Philox4x64, Salmon et al. 2011), reached by an O(1) jump of
 * index * 2^32 outputs. A draw therefore depends on its key and index only, never on the order of the
 * work, the number of threads or how a campaign was split and resumed.
 */
public final class KeyedStreams {

    /** Outputs reserved per index, far more than one sample draws. */
    private static final double STRIDE = 0x1p32;

    private KeyedStreams() {
    }

    /**
     * Stream {@code index} of {@code key}. Keys of unrelated uses must differ (a user seed, or a seed
     * mixed with a constant of the use's own), or the uses draw the same numbers.
     */
    public static UniformRandomProvider stream(long key, long index) {
        if (index < 0 || index >= (1L << 52) / (long) STRIDE) {
            throw new IllegalArgumentException("stream index " + index + " is out of range");
        }
        ArbitrarilyJumpableUniformRandomProvider rng =
                (ArbitrarilyJumpableUniformRandomProvider) RandomSource.PHILOX_4X64.create(key);
        if (index > 0) {
            rng.jump(index * STRIDE);
        }
        return rng;
    }
}
