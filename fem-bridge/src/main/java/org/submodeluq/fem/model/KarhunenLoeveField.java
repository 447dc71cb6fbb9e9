package org.submodeluq.fem.model;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.submodeluq.fem.spec.ModulusField;
import org.submodeluq.fem.spec.Plate;

/**
 * Truncated Karhunen-Loeve expansion of a unit-variance Gaussian field on the plate with the
 * separable kernel {@code exp(-|dx| / lx - |dy| / ly)}: its eigenpairs are products of the 1D pairs
 * of {@link ExponentialKernelModes}, and the leading {@code modes} products by eigenvalue are kept.
 */
public final class KarhunenLoeveField {

    private final ExponentialKernelModes alongX;
    private final ExponentialKernelModes alongY;
    private final int[] indexX;
    private final int[] indexY;

    public KarhunenLoeveField(Plate plate, ModulusField field) {
        int modes = field.modes();
        this.alongX = new ExponentialKernelModes(0, plate.length(), field.correlationLengthX(), Math.max(modes, 1));
        this.alongY = new ExponentialKernelModes(0, plate.height(), field.correlationLengthY(), Math.max(modes, 1));
        int[] ranked = IntStream.range(0, alongX.count() * alongY.count()).boxed()
                .sorted(Comparator.comparingDouble((Integer p) -> -alongX.eigenvalue(p / alongY.count())
                        * alongY.eigenvalue(p % alongY.count())).thenComparingInt(p -> p))
                .limit(modes).mapToInt(Integer::intValue).toArray();
        this.indexX = IntStream.of(ranked).map(p -> p / alongY.count()).toArray();
        this.indexY = IntStream.of(ranked).map(p -> p % alongY.count()).toArray();
    }

    /** Number of terms kept. */
    public int modeCount() {
        return indexX.length;
    }

    /** Eigenvalue of term k, non-increasing in k. */
    public double eigenvalue(int k) {
        return alongX.eigenvalue(indexX[k]) * alongY.eigenvalue(indexY[k]);
    }

    /** Eigenfunction of term k at (x, y), normalised in L2 over the plate. */
    public double mode(int k, double x, double y) {
        return alongX.value(indexX[k], x) * alongY.value(indexY[k], y);
    }
}
