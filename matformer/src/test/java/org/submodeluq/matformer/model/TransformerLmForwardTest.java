package org.submodeluq.matformer.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.submodeluq.core.testing.ReferencePython;

/**
 * One forward pass of a tiny model with fixed weights against a NumPy re-implementation written from the
 * architecture the class documents, and decoding through the KV cache against the full pass.
 */
class TransformerLmForwardTest {

    private static final int LAYERS = 2;
    private static final int D_MODEL = 8;
    /** Two heads of d_head = 4: a scale of 1/d_head instead of 1/sqrt(d_head) halves every score. */
    private static final int HEADS = 2;
    private static final int CONTEXT = 5;
    private static final int FFN_WIDTH = 16;
    private static final long[][] TOKENS = {{3, 250, 17, 0, 99}, {66, 66, 1, 128, 255}};
    /** float32 (DJL) against float64 (NumPy) on logits of order one: rounding is about 1e-6. */
    private static final double TOLERANCE = 1e-5;

    /**
     * Float64 from the weights' float32 bits, written from TransformerLm's Javadoc and LmShape's: x = E[t] +
     * P[position]; per layer x += Attention(LN1(x)), x += FFN(LN2(x)); logits = LN(x) head + head.bias.
     * LayerNorm with the biased variance and eps 1e-5; attention splits d_model into consecutive head
     * slices, scores q k^T / sqrt(d_head), key j visible to query i only if j <= i; the FFN is
     * GELU(x W1[:, :m] + b1[:m]) W2[:m, :] + b2 with GELU in its erf form (PyTorch's default); sinusoidal
     * positions put sin(p / 10000^(i/d)) at even i and the cosine of the same angle at i + 1.
     */
    private static final String REFERENCE = """
            import math
            import sys
            import numpy as np

            def load(path):
                params = {}
                with open(path) as f:
                    for line in f:
                        name, shape, bits = line.rstrip("\\n").split("\\t")
                        dims = tuple(int(d) for d in shape.split(","))
                        values = np.array(bits.split(), dtype=np.uint32).view(np.float32)
                        params[name] = values.astype(np.float64).reshape(dims)
                return params

            def layer_norm(x, gamma, beta, eps=1e-5):
                mean = x.mean(-1, keepdims=True)
                var = ((x - mean) ** 2).mean(-1, keepdims=True)
                return (x - mean) / np.sqrt(var + eps) * gamma + beta

            gelu = np.vectorize(lambda v: 0.5 * v * (1 + math.erf(v / math.sqrt(2))))

            def positions(p, length, d, kind):
                if kind == "LEARNED":
                    return p["positions"][:length]
                table = np.zeros((length, d))
                for pos in range(length):
                    for i in range(0, d, 2):
                        angle = pos / 10000 ** (i / d)
                        table[pos, i] = math.sin(angle)
                        if i + 1 < d:
                            table[pos, i + 1] = math.cos(angle)
                return table

            def attention(p, l, x, heads):
                batch, length, d = x.shape
                d_head = d // heads
                def split(y):
                    return y.reshape(batch, length, heads, d_head).transpose(0, 2, 1, 3)
                q, k, v = (split(y) for y in np.split(x @ p[f"{l}.wqkv"], 3, axis=-1))
                scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d_head)
                visible = np.tril(np.ones((length, length), dtype=bool))
                scores = np.where(visible, scores, -np.inf)
                weights = np.exp(scores - scores.max(-1, keepdims=True))
                weights /= weights.sum(-1, keepdims=True)
                return (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, d) @ p[f"{l}.wo"]

            def logits(p, tokens, hidden, heads, kind):
                d = p["embedding"].shape[1]
                x = p["embedding"][tokens] + positions(p, tokens.shape[1], d, kind)
                for l, m in enumerate(hidden):
                    x = x + attention(p, l, layer_norm(x, p[f"{l}.ln1.gamma"], p[f"{l}.ln1.beta"]), heads)
                    h = layer_norm(x, p[f"{l}.ln2.gamma"], p[f"{l}.ln2.beta"])
                    x = x + gelu(h @ p[f"{l}.w1"][:, :m] + p[f"{l}.b1"][:m]) @ p[f"{l}.w2"][:m, :] + p[f"{l}.b2"]
                return layer_norm(x, p["final.gamma"], p["final.beta"]) @ p["head"] + p["head.bias"]

            params = load(sys.argv[1])
            tokens = np.array([[int(t) for t in row.split(",")] for row in sys.argv[4].split(";")])
            hidden = [int(m) for m in sys.argv[5].split(",")]
            for value in logits(params, tokens, hidden, int(sys.argv[2]), sys.argv[3]).ravel():
                print(repr(float(value)))
            """;

    @TempDir
    Path directory;

    /**
     * Weights of order one (matrices N(0, 0.25), gains 1 + N(0, 0.01), shifts and biases N(0, 0.01)), so
     * that attention is far from uniform and a wrong scale or mask moves the logits by far more than the
     * tolerance; GPT-2's initialisation would leave attention almost uniform.
     */
    private static TransformerLm model(NDManager manager, LmShape.Positions positions) {
        LmShape shape = LmShape.uniform(LAYERS, D_MODEL, HEADS, CONTEXT, FFN_WIDTH, positions);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(17L));
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> entry : TransformerLm.shapes(shape).entrySet()) {
            String name = entry.getKey();
            boolean matrix = entry.getValue().dimension() == 2;
            float[] values = new float[(int) entry.getValue().size()];
            for (int k = 0; k < values.length; k++) {
                double z = gaussian.sample();
                values[k] = (float) (matrix ? 0.5 * z : name.endsWith("gamma") ? 1 + 0.1 * z : 0.1 * z);
            }
            parameters.put(name, manager.create(values, entry.getValue()));
        }
        return TransformerLm.of(manager, shape, parameters);
    }

    private static NDArray tokens(NDManager manager, long[][] rows, int from, int to) {
        long[] flat = Arrays.stream(rows).flatMapToLong(row -> Arrays.stream(row, from, to)).toArray();
        return manager.create(flat, new Shape(rows.length, to - from));
    }

    /** The model's parameters, read through its own accessor, as "name TAB shape TAB float32 bits" lines. */
    private Path export(TransformerLm lm) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, NDArray> entry : lm.parameters().entrySet()) {
            float[] values = entry.getValue().toFloatArray();
            String shape = Arrays.stream(entry.getValue().getShape().getShape()).mapToObj(Long::toString)
                    .collect(Collectors.joining(","));
            String bits = Arrays.stream(toBits(values)).mapToObj(Integer::toUnsignedString)
                    .collect(Collectors.joining(" "));
            lines.add(entry.getKey() + "\t" + shape + "\t" + bits);
        }
        try {
            return Files.write(directory.resolve("parameters.tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] toBits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private double[] reference(Path parameters, LmShape.Positions positions, int[] hidden) {
        String tokens = Arrays.stream(TOKENS).map(row -> Arrays.stream(row).mapToObj(Long::toString)
                .collect(Collectors.joining(","))).collect(Collectors.joining(";"));
        String widths = Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return ReferencePython.run(ReferencePython.require("numpy"), REFERENCE, parameters.toString(), Integer.toString(HEADS), positions.name(), tokens,
                widths).lines().mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] widen(float[] values) {
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return widened;
    }

    private static double maxDifference(float[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, "logit count");
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }

    @ParameterizedTest
    @EnumSource(LmShape.Positions.class)
    void logitsEqualAnIndependentNumPyForwardPass(LmShape.Positions positions) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerLm lm = model(manager, positions);
            Path parameters = export(lm);
            int[] full = lm.fullWidths();
            int[] nested = {4, FFN_WIDTH};
            float[] logits = lm.forward(tokens(manager, TOKENS, 0, CONTEXT), full, null).toFloatArray();
            float[] nestedLogits = lm.forward(tokens(manager, TOKENS, 0, CONTEXT), nested, null).toFloatArray();
            double[] expected = reference(parameters, positions, full);
            double[] nestedExpected = reference(parameters, positions, nested);
            double difference = maxDifference(logits, expected);
            double nestedDifference = maxDifference(nestedLogits, nestedExpected);
            double spread = Arrays.stream(expected).map(Math::abs).max().orElse(0);
            System.out.printf("%s positions: max |logit - NumPy| %.3g (widths %s), %.3g (widths %s); largest |logit| "
                    + "%.3g%n", positions, difference, Arrays.toString(full), nestedDifference,
                    Arrays.toString(nested), spread);
            assertAll(
                    () -> assertTrue(difference <= TOLERANCE, "full widths: max |logit - NumPy| " + difference),
                    () -> assertTrue(nestedDifference <= TOLERANCE, "widths " + Arrays.toString(nested)
                            + ": max |logit - NumPy| " + nestedDifference),
                    () -> assertTrue(spread > 1, "logits of order one, so that the tolerance is relative: " + spread));
        }
    }

    @Test
    void decodingThroughTheKvCacheGivesTheFullPassLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerLm lm = model(manager, LmShape.Positions.LEARNED);
            int[] hidden = {4, FFN_WIDTH};
            float[] full = lm.forward(tokens(manager, TOKENS, 0, CONTEXT), hidden, null).toFloatArray();
            for (int[] chunks : List.of(new int[] {1, 1, 1, 1, 1}, new int[] {2, 3}, new int[] {3, 1, 1})) {
                NDList pieces = new NDList();
                try (KvCache cache = lm.newCache()) {
                    int from = 0;
                    for (int chunk : chunks) {
                        pieces.add(lm.forward(tokens(manager, TOKENS, from, from + chunk), hidden, cache));
                        from += chunk;
                    }
                    assertEquals(CONTEXT, cache.length(), "positions cached");
                }
                float[] incremental = NDArrays.concat(pieces, 1).toFloatArray();
                double difference = maxDifference(incremental, widen(full));
                assertTrue(difference <= TOLERANCE, "chunks " + Arrays.toString(chunks) + ": max |cached - full| "
                        + difference);
            }
        }
    }

    @Test
    void positionsRolledBackAreOverwrittenByTheNextTokens() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerLm lm = model(manager, LmShape.Positions.LEARNED);
            int[] hidden = lm.fullWidths();
            long[][] other = {{3, 250, 7, 8, 9}, {66, 66, 200, 201, 202}};
            float[] full = lm.forward(tokens(manager, other, 0, CONTEXT), hidden, null).toFloatArray();
            try (KvCache cache = lm.newCache()) {
                lm.forward(tokens(manager, TOKENS, 0, 4), hidden, cache);
                cache.truncate(2);
                NDList pieces = new NDList(lm.forward(tokens(manager, TOKENS, 0, 2), hidden, null),
                        lm.forward(tokens(manager, other, 2, CONTEXT), hidden, cache));
                double difference = maxDifference(NDArrays.concat(pieces, 1).toFloatArray(), widen(full));
                assertAll(
                        () -> assertEquals(CONTEXT, cache.length(), "two kept, three written over the rolled-back two"),
                        () -> assertTrue(difference <= TOLERANCE, "max |rolled back - full| " + difference));
            }
        }
    }
}
