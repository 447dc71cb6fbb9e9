package org.submodeluq.fem.bridge;

/**
 * A full model served by a Python worker: the interface its Py4J proxy implements (see the worker
 * package {@code submodel_uq_worker} for the Python side of the contract).
 */
public interface RemoteFullModel {

    /**
     * Prepares the model for a case.
     *
     * @param caseJson {"case": the complete case}
     * @return JSON with boundary_nodes ([[x, y], ...] in trace order), time (t_1 .. t_N), qoi_names
     *     and optionally solver (a description of the code and its version)
     */
    String describe(String caseJson);

    /**
     * One full run.
     *
     * @param sampleJson {"index", "theta": {"names", "values"}, "cell_moduli": [...]}
     * @return little-endian float64: traces (nodes x 2 x steps, row-major), then the quantities of interest
     */
    byte[] run(String sampleJson);

    /**
     * Seconds the model itself spent in the last {@link #run} call, measured in Python; the rest of a
     * call's round trip is the bridge's overhead. Implemented by the worker, not by the model.
     */
    double lastRunSeconds();
}
