package org.submodeluq.fem.testing;

/** Comparisons of time histories stored as [step][degree of freedom]. */
public final class Histories {

    private Histories() {
    }

    /** max over steps and entries of |a - b|. */
    public static double maxDifference(double[][] a, double[][] b) {
        double worst = 0;
        for (int s = 0; s < a.length; s++) {
            for (int i = 0; i < a[s].length; i++) {
                worst = Math.max(worst, Math.abs(a[s][i] - b[s][i]));
            }
        }
        return worst;
    }
}
