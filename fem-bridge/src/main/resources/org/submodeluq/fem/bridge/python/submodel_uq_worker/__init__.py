"""Python side of submodel-uq's FEniCS bridge.

A worker process connects back to the JVM that started it with Py4J and registers one full
model object, which the JVM then calls one run at a time. A model is any class with two methods:

    describe(case_json: str) -> str
        Called once. Receives {"case": {...}} (the complete case, as submodel-uq resolved it) and
        returns JSON: {"boundary_nodes": [[x, y], ...], "time": [t_1, ..., t_N],
        "qoi_names": [...]}, the boundary nodes in the order of the traces run() returns.

    run(sample_json: str) -> bytes
        One full run. Receives {"index": i, "theta": {"names": [...], "values": [...]},
        "cell_moduli": [...]} (cell_moduli: Young's modulus per cell in canonical order, see
        plate_impact.canonical_cell_order; a model of its own may ignore it) and returns
        little-endian float64 bytes: the traces (nodes x 2 x steps, row-major) followed by the
        quantities of interest.

The default case's model is submodel_uq_worker.plate_impact.PlateImpactModel.
"""
