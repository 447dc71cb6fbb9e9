package org.submodeluq.matformer.data;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.submodeluq.core.random.KeyedStreams;

/**
 * A first-order Markov chain over K symbols, written as the bytes 'a', 'b', ... (symbol k is the
 * byte 'a' + k). Its entropy rate is known exactly, so it is a text source against which a language
 * model's loss can be checked: no model's expected next-byte cross-entropy goes below it, and a
 * model that has learnt the chain comes close to it.
 */
public final class MarkovSource {

    /** At most one symbol per lower-case letter, so that generated text stays printable. */
    public static final int MAX_SYMBOLS = 26;

    /** How far a transition row's sum may stray from 1. */
    private static final double ROW_SUM_TOLERANCE = 1e-12;

    private final double[][] transitions;
    private final double[] stationary;
    private final double entropyRate;

    private MarkovSource(double[][] transitions) {
        this.transitions = transitions;
        this.stationary = solveStationary(transitions);
        double rate = 0;
        for (int i = 0; i < transitions.length; i++) {
            rate += stationary[i] * entropy(transitions[i]);
        }
        this.entropyRate = rate;
    }

    /**
     * A random chain whose rows are independent symmetric Dirichlet(alpha) draws, from stream 0 of
     * {@code seed}: alpha below 1 makes peaked rows (low entropy), large alpha nearly uniform ones.
     */
    public static MarkovSource random(int symbols, double alpha, long seed) {
        requireSymbols(symbols);
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha " + alpha + " is not allowed: must be a finite number > 0");
        }
        DirichletSampler rows = DirichletSampler.symmetric(KeyedStreams.stream(seed, 0), symbols, alpha);
        double[][] transitions = new double[symbols][];
        for (int i = 0; i < symbols; i++) {
            transitions[i] = rows.sample();
        }
        return of(transitions);
    }

    /**
     * The chain with the given transition matrix, P[i][j] = Pr(next = j | current = i); copied.
     *
     * @throws IllegalArgumentException unless P is square, stochastic and has one stationary distribution
     */
    public static MarkovSource of(double[][] transitions) {
        requireSymbols(transitions.length);
        double[][] copy = new double[transitions.length][];
        for (int i = 0; i < transitions.length; i++) {
            copy[i] = transitions[i].clone();
            double sum = 0;
            for (double p : copy[i]) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("transition row " + i + " holds " + p + ": must be in [0, 1]");
                }
                sum += p;
            }
            if (copy[i].length != transitions.length || Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("transition row " + i + " must hold " + transitions.length
                        + " probabilities summing to 1, holds " + copy[i].length + " summing to " + sum);
            }
        }
        return new MarkovSource(copy);
    }

    /**
     * {@code length} bytes of the chain started from its stationary distribution, so every byte has
     * the stationary law. Draws from stream 1 of {@code seed}: the chain and its text never share
     * random numbers, even when they share a seed.
     */
    public byte[] generate(int length, long seed) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is not allowed: must be >= 0");
        }
        UniformRandomProvider rng = KeyedStreams.stream(seed, 1);
        SharedStateDiscreteSampler[] next = new SharedStateDiscreteSampler[transitions.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = AliasMethodDiscreteSampler.of(rng, transitions[i]);
        }
        byte[] text = new byte[length];
        int state = AliasMethodDiscreteSampler.of(rng, stationary).sample();
        for (int t = 0; t < length; t++) {
            text[t] = (byte) ('a' + state);
            state = next[state].sample();
        }
        return text;
    }

    /** The distribution pi with pi P = pi, a copy. */
    public double[] stationary() {
        return stationary.clone();
    }

    /**
     * The entropy rate in nats per byte, sum_i pi_i H(P[i]): the expected next-byte cross-entropy
     * of a model that knows the chain, and the lower bound on that of any model.
     */
    public double entropyRate() {
        return entropyRate;
    }

    /** The transition matrix P, a copy. */
    public double[][] transitions() {
        double[][] copy = new double[transitions.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = transitions[i].clone();
        }
        return copy;
    }

    /** Solves pi (P - I) = 0 with one equation swapped for sum(pi) = 1, which makes the system regular. */
    private static double[] solveStationary(double[][] transitions) {
        int k = transitions.length;
        RealMatrix system = new Array2DRowRealMatrix(transitions).transpose();
        for (int i = 0; i < k; i++) {
            system.addToEntry(i, i, -1);
        }
        double[] ones = new double[k];
        Arrays.fill(ones, 1);
        system.setRow(k - 1, ones);
        DecompositionSolver solver = new LUDecomposition(system).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("the chain has no unique stationary distribution: it is reducible");
        }
        double[] rhs = new double[k];
        rhs[k - 1] = 1;
        return solver.solve(new ArrayRealVector(rhs, false)).toArray();
    }

    /** Shannon entropy in nats, with 0 ln 0 = 0. */
    private static double entropy(double[] distribution) {
        double h = 0;
        for (double p : distribution) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static void requireSymbols(int symbols) {
        if (symbols < 2 || symbols > MAX_SYMBOLS) {
            throw new IllegalArgumentException(symbols + " symbols are not allowed: a chain must have 2 to "
                    + MAX_SYMBOLS);
        }
    }
}
