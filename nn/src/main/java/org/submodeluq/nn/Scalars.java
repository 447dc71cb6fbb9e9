package org.submodeluq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * Constants as (1, 1) arrays that broadcast. DJL turns every Java scalar operand into a fresh native
 * tensor, which costs 10 to 50 microseconds per operation against 2 for an array operand: in a
 * training step of several hundred operations that was most of the time. Constants outlive any
 * {@link NDScope} open when they are first asked for.
 */
public final class Scalars {

    private final NDManager manager;
    private final DataType type;
    private final Map<Double, NDArray> constants = new HashMap<>();

    public Scalars(NDManager manager, DataType type) {
        this.manager = manager;
        this.type = type;
    }

    /** The constant {@code value}, created once, owned by the manager. */
    public NDArray of(double value) {
        return constants.computeIfAbsent(value, v -> {
            NDArray array = type == DataType.FLOAT64 ? manager.create(new double[] {v}, new Shape(1, 1))
                    : manager.create(new float[] {(float) v.doubleValue()}, new Shape(1, 1));
            NDScope.unregister(array);
            return array;
        });
    }

    public DataType type() {
        return type;
    }
}
