package org.submodeluq.cases.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.testing.RequiredProgram;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.nn.Mlp;
import org.submodeluq.surrogate.gan.WganGpOptions;

class GanBenchTest {

    /** Parameters of our network of the given widths, counted on the DJL arrays themselves. */
    private static long parameters(int... widths) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return Mlp.initialised(manager, widths, DataType.FLOAT32, RandomSource.XO_RO_SHI_RO_128_PP.create(1L))
                    .parameters().stream().mapToLong(NDArray::size).sum();
        }
    }

    /**
     * The PyTorch reference trains the networks of the default options on the bench's 512 features: both
     * have as many parameters as ours, layer widths and biases alike.
     */
    @Test
    void thePytorchReferenceTrainsNetworksOfOurSize() {
        String python = GanBench.DEFAULT_PYTHON;
        RequiredProgram.check("SUBMODEL_UQ_REQUIRE_TORCH", python + " cannot 'import torch': apt-get install -y "
                + "python3-torch", python, "-c", "import torch");
        DjlRuntime.configure(1);
        WganGpOptions options = WganGpOptions.defaults();
        int latent = options.latent();
        int[] g = options.generatorHidden();
        int[] d = options.criticHidden();
        GanBench.Reference reference = GanBench.pytorch(python, 1, 2, 1);
        assertAll(
                () -> assertEquals(parameters(latent, g[0], g[1], 512), reference.generatorParameters(), "generator"),
                () -> assertEquals(parameters(512, d[0], d[1], 1), reference.criticParameters(), "critic"),
                () -> assertTrue(reference.iterationsPerS() > 0, "a speed"));
    }

    @Test
    void aMissingInterpreterImportsNothing() {
        assertEquals(false, GanBench.imports("/nonexistent/python3", "torch"));
    }
}
