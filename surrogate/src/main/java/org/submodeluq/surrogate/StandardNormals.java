package org.submodeluq.surrogate;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Standard normal rows where row i of a seed comes from its {@link GeneratorStreams} stream i. */
public final class StandardNormals {

    private StandardNormals() {
    }

    /** Rows {@code first, ..., first + n - 1} of {@code width} standard normals each. */
    public static double[][] rows(long seed, long first, int n, int width) {
        double[][] rows = new double[n][width];
        for (int i = 0; i < n; i++) {
            ZigguratSampler.NormalizedGaussian gaussian =
                    ZigguratSampler.NormalizedGaussian.of(GeneratorStreams.of(seed, first + i));
            for (int k = 0; k < width; k++) {
                rows[i][k] = gaussian.sample();
            }
        }
        return rows;
    }
}
