package org.submodeluq.fem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.submodeluq.fem.spec.ModulusField;
import org.submodeluq.fem.spec.Plate;

/** The closed-form eigenpairs checked against the integral equation they solve, by quadrature. */
class KarhunenLoeveFieldTest {

    private static final double START = 0;
    private static final double END = 2;
    private static final double LENGTH = 0.5;

    @Test
    void eigenpairsSolveTheFredholmEquationOfTheExponentialKernel() {
        ExponentialKernelModes modes = new ExponentialKernelModes(START, END, LENGTH, 8);
        for (int k = 0; k < modes.count(); k++) {
            for (double s : new double[] {0.0, 0.37, 1.0, 1.9}) {
                int mode = k;
                double integral = integrate(t -> Math.exp(-Math.abs(s - t) / LENGTH) * modes.value(mode, t), s);
                assertEquals(modes.eigenvalue(k) * modes.value(k, s), integral, 1e-8,
                        "mode " + k + " at s = " + s);
            }
        }
    }

    @Test
    void eigenfunctionsAreOrthonormal() {
        ExponentialKernelModes modes = new ExponentialKernelModes(START, END, LENGTH, 6);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                int a = i;
                int b = j;
                assertEquals(i == j ? 1 : 0, integrate(t -> modes.value(a, t) * modes.value(b, t), START), 1e-9,
                        "<phi_" + i + ", phi_" + j + ">");
            }
        }
    }

    @Test
    void eigenvaluesSumToTheTraceOfTheKernel() {
        // sum_k lambda_k = int C(s, s) ds = END - START; the tail beyond mode n decays like 1 / n
        ExponentialKernelModes modes = new ExponentialKernelModes(START, END, LENGTH, 4000);
        double sum = 0;
        for (int k = 0; k < modes.count(); k++) {
            assertTrue(k == 0 || modes.eigenvalue(k) <= modes.eigenvalue(k - 1), "eigenvalues must decrease");
            sum += modes.eigenvalue(k);
        }
        assertEquals(END - START, sum, 1e-3);
    }

    @Test
    void plateFieldKeepsTheLeadingProductsOfTheOneDimensionalPairs() {
        KarhunenLoeveField field = new KarhunenLoeveField(new Plate(2, 0.5), new ModulusField(8, 0.3, 0.5, 0.25));
        ExponentialKernelModes x = new ExponentialKernelModes(0, 2, 0.5, 8);
        ExponentialKernelModes y = new ExponentialKernelModes(0, 0.5, 0.25, 8);
        double[] products = new double[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                products[8 * i + j] = x.eigenvalue(i) * y.eigenvalue(j);
            }
        }
        java.util.Arrays.sort(products);
        for (int k = 0; k < 8; k++) {
            assertEquals(products[63 - k], field.eigenvalue(k), 1e-15);
        }
    }

    /** Composite Simpson on [START, END] split at {@code kink}, where the kernel's derivative jumps. */
    private static double integrate(java.util.function.DoubleUnaryOperator f, double kink) {
        return simpson(f, START, kink) + simpson(f, kink, END);
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b) {
        int n = 20000;
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
