package org.submodeluq.cases.cli;

import ai.djl.Device;
import org.submodeluq.nn.ComputeDevice;
import org.submodeluq.nn.DjlRuntime;
import picocli.CommandLine.Option;

/** The {@code --device} option of the commands that run a network on DJL. */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}; at these sizes a GPU buys nothing).")
    private ComputeDevice device;

    /** The DJL device; call after {@link DjlRuntime#configure}. */
    Device resolve() {
        return DjlRuntime.device(device);
    }
}
