package org.submodeluq.surrogate;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.fem.model.ThetaSampler;

/** Standard normal rows where row i of a seed comes from stream i, whatever range is asked for. */
public final class StandardNormals {

    private StandardNormals() {
    }

    /** Rows {@code first, ..., first + n - 1} of {@code width} standard normals each. */
    public static double[][] rows(long seed, long first, int n, int width) {
        double[][] rows = new double[n][width];
        for (int i = 0; i < n; i++) {
            ZigguratSampler.NormalizedGaussian gaussian =
                    ZigguratSampler.NormalizedGaussian.of(ThetaSampler.stream(seed, first + i));
            for (int k = 0; k < width; k++) {
                rows[i][k] = gaussian.sample();
            }
        }
        return rows;
    }
}
