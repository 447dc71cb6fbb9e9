package org.submodeluq.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.submodeluq.core.UserInputException;

/**
 * How submodel-uq runs DJL: offline (DJL's download site is never contacted; the CPU libtorch comes
 * from Maven Central with the PyTorch engine), with a chosen number of intra-op threads (one by default:
 * on two shared cores two threads can stall each other), on the CPU unless a GPU is asked for and present.
 */
public final class DjlRuntime {

    private DjlRuntime() {
    }

    /**
     * Sets DJL's system properties; effective only before the engine first loads, so call it early.
     *
     * @param threads intra-op threads of libtorch
     */
    public static void configure(int threads) {
        if (threads < 1) {
            throw new UserInputException("threads", "= " + threads + " is not allowed: must be >= 1");
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /**
     * The DJL device for {@code choice}; asking for a GPU where DJL sees none is a user error. The CPU
     * is answered without starting the engine, so that generators without a network never load libtorch.
     */
    public static Device device(ComputeDevice choice) {
        if (choice == ComputeDevice.CPU) {
            return Device.cpu();
        }
        boolean gpu = Engine.getInstance().getGpuCount() > 0;
        if (choice == ComputeDevice.GPU && !gpu) {
            throw new UserInputException("device gpu: DJL's PyTorch engine sees no GPU; the CPU libtorch from Maven "
                    + "Central has no CUDA, so point PYTORCH_LIBRARY_PATH at a libtorch 2.7.1+cu128 and set "
                    + "PYTORCH_FLAVOR=cu128 (see docs/gpu.md), or use the CPU");
        }
        return gpu ? Device.gpu() : Device.cpu();
    }
}
