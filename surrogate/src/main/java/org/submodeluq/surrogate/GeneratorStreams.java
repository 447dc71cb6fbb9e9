package org.submodeluq.surrogate;

import org.apache.commons.rng.UniformRandomProvider;
import org.submodeluq.core.random.KeyedStreams;

/**
 * The random streams generators draw from: stream i of a seed feeds sample i. They are the theta
 * streams of another key, so that a Monte Carlo campaign and a training set run with the same seed
 * (both default to 0) never share random numbers: sample i of a generator must not be tied to full
 * run i of the reference it is compared with.
 */
public final class GeneratorStreams {

    /** Mixed into the seed; a fixed, arbitrary 64-bit constant (the fraction of sqrt(2)). */
    private static final long DOMAIN = 0x6A09E667F3BCC909L;

    private GeneratorStreams() {
    }

    /** The stream of sample {@code index}. */
    public static UniformRandomProvider of(long seed, long index) {
        return KeyedStreams.stream(seed ^ DOMAIN, index);
    }
}
