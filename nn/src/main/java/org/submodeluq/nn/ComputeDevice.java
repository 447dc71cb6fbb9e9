package org.submodeluq.nn;

import org.submodeluq.core.Named;

/** Where DJL computes: the CPU, a GPU (an error without one), or a GPU when DJL sees one. */
public enum ComputeDevice implements Named {
    AUTO("auto"),
    CPU("cpu"),
    GPU("gpu");

    private final String text;

    ComputeDevice(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
