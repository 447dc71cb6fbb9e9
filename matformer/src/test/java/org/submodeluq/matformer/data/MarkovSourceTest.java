package org.submodeluq.matformer.data;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MarkovSourceTest {

    private static final MarkovSource CHAIN = MarkovSource.random(8, 0.5, 7);

    @Test
    void stationaryDistributionIsLeftFixedByTheTransitions() {
        double[] pi = CHAIN.stationary();
        double[][] p = CHAIN.transitions();
        for (int j = 0; j < pi.length; j++) {
            double next = 0;
            for (int i = 0; i < pi.length; i++) {
                next += pi[i] * p[i][j];
            }
            assertEquals(pi[j], next, 1e-12, "(pi P)_" + j);
        }
        assertEquals(1, Arrays.stream(pi).sum(), 1e-12);
        for (double[] row : p) {
            assertEquals(1, Arrays.stream(row).sum(), 1e-12);
        }
    }

    @Test
    void sameSeedSameChain() {
        assertArrayEquals(CHAIN.transitions(), MarkovSource.random(8, 0.5, 7).transitions());
        assertNotEquals(CHAIN.transitions()[0][0], MarkovSource.random(8, 0.5, 8).transitions()[0][0]);
    }

    @Test
    void twoStateChainMatchesItsClosedForm() {
        double a = 0.1;
        double b = 0.3;
        MarkovSource chain = MarkovSource.of(new double[][] {{1 - a, a}, {b, 1 - b}});
        // pi = (b, a) / (a + b) = (0.75, 0.25); H = pi_0 h(a) + pi_1 h(b), h the binary entropy in nats
        assertArrayEquals(new double[] {0.75, 0.25}, chain.stationary(), 1e-15);
        assertEquals(0.75 * binaryEntropy(a) + 0.25 * binaryEntropy(b), chain.entropyRate(), 1e-15);
        // h(0.1) = 0.3250829734, h(0.3) = 0.6108643021
        assertEquals(0.3965283056, chain.entropyRate(), 1e-10);
    }

    @Test
    void uniformChainHasEntropyRateLogK() {
        double[][] uniform = new double[26][26];
        for (double[] row : uniform) {
            Arrays.fill(row, 1.0 / 26);
        }
        assertEquals(Math.log(26), MarkovSource.of(uniform).entropyRate(), 1e-14);
    }

    @Test
    void longTextHasTheChainsStatistics() {
        int n = 1_000_000;
        byte[] text = CHAIN.generate(n, 3);
        int k = 8;
        long[][] pairs = new long[k][k];
        long[] counts = new long[k];
        for (int t = 0; t < n; t++) {
            counts[text[t] - 'a']++;
            if (t > 0) {
                pairs[text[t - 1] - 'a'][text[t] - 'a']++;
            }
        }
        // plug-in conditional entropy: - sum_ij (n_ij / N) ln(n_ij / n_i.)
        double plugIn = 0;
        for (long[] row : pairs) {
            long from = Arrays.stream(row).sum();
            for (long count : row) {
                if (count > 0) {
                    plugIn -= (double) count / (n - 1) * Math.log((double) count / from);
                }
            }
        }
        // within 1 %: the plug-in estimate's standard error is about 1e-3 nats, its bias -(k-1)k/(2n) = -3e-5
        assertEquals(CHAIN.entropyRate(), plugIn, 0.01 * CHAIN.entropyRate(), "entropy rate");
        double[] pi = CHAIN.stationary();
        double[][] p = CHAIN.transitions();
        for (int i = 0; i < k; i++) {
            // i.i.d. standard error sqrt(pi (1 - pi) / n) <= 5e-4; 0.005 leaves room for the chain's correlation
            assertEquals(pi[i], (double) counts[i] / n, 0.005, "frequency of " + (char) ('a' + i));
            long from = Arrays.stream(pairs[i]).sum();
            for (int j = 0; j < k; j++) {
                // each row's successors are multinomial: 5 standard errors
                assertEquals(p[i][j], (double) pairs[i][j] / from, 5 * Math.sqrt(p[i][j] * (1 - p[i][j]) / from),
                        "P[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void textStartsFromTheStationaryDistribution() {
        int seeds = 20_000;
        long[] counts = new long[8];
        for (int seed = 0; seed < seeds; seed++) {
            counts[CHAIN.generate(1, seed)[0] - 'a']++;
        }
        double[] pi = CHAIN.stationary();
        for (int i = 0; i < 8; i++) {
            // independent first bytes: 5 standard errors
            assertEquals(pi[i], (double) counts[i] / seeds, 5 * Math.sqrt(pi[i] * (1 - pi[i]) / seeds));
        }
    }

    @Test
    void generatesLettersReproducibly() {
        byte[] text = CHAIN.generate(1000, 5);
        assertArrayEquals(text, CHAIN.generate(1000, 5));
        assertNotEquals(Arrays.toString(text), Arrays.toString(CHAIN.generate(1000, 6)));
        for (byte c : text) {
            assertTrue(c >= 'a' && c < 'a' + 8);
        }
    }

    @Test
    void rejectsChainsItCannotBuild() {
        assertAll(
                () -> assertEquals("27 symbols are not allowed: a chain must have 2 to 26",
                        assertThrows(IllegalArgumentException.class, () -> MarkovSource.random(27, 1, 0)).getMessage()),
                () -> assertEquals("alpha 0.0 is not allowed: must be a finite number > 0",
                        assertThrows(IllegalArgumentException.class, () -> MarkovSource.random(4, 0, 0)).getMessage()),
                () -> assertEquals("transition row 1 must hold 2 probabilities summing to 1, holds 2 summing to 0.9",
                        assertThrows(IllegalArgumentException.class,
                                () -> MarkovSource.of(new double[][] {{0.5, 0.5}, {0.5, 0.4}})).getMessage()),
                () -> assertEquals("the chain has no unique stationary distribution: it is reducible",
                        assertThrows(IllegalArgumentException.class,
                                () -> MarkovSource.of(new double[][] {{1, 0}, {0, 1}})).getMessage()));
    }

    private static double binaryEntropy(double p) {
        return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }
}
