package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of the positions decoded so far, per layer, so that each new token costs one
 * position of attention instead of the whole prefix again. Each layer's keys and values live in one
 * buffer of the whole context ({@code (B, heads, context, d_head)}), allocated at the first token: a new
 * position is written in place and attention reads a view of the positions so far, so no token copies
 * the prefix and {@link #truncate}, which rolls back tokens a speculative draft proposed and the
 * verifier rejected, copies nothing. Owns its buffers, outside any {@link NDScope} the first token is
 * decoded in: close it when the sequence is done.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final int capacity;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    /** @param capacity the most positions it will hold: the model's context */
    public KvCache(NDManager parent, int layers, int capacity) {
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Positions held. */
    public int length() {
        return length;
    }

    /**
     * Writes the keys and values {@code (B, heads, t, d_head)} of new positions into layer {@code layer};
     * the last layer's call advances the length.
     *
     * @return views of the layer's keys and values of every position so far
     */
    NDArray[] append(int layer, NDArray newKeys, NDArray newValues) {
        Shape shape = newKeys.getShape();
        int end = length + (int) shape.get(2);
        if (end > capacity) {
            throw new IllegalArgumentException(end + " positions do not fit a cache of " + capacity);
        }
        if (keys[layer] == null) {
            Shape full = new Shape(shape.get(0), shape.get(1), capacity, shape.get(3));
            keys[layer] = manager.zeros(full, newKeys.getDataType());
            values[layer] = manager.zeros(full, newValues.getDataType());
            NDScope.unregister(keys[layer], values[layer]);
        }
        NDIndex fresh = new NDIndex().addAllDim(2).addSliceDim(length, end);
        keys[layer].set(fresh, newKeys);
        values[layer].set(fresh, newValues);
        NDIndex sofar = new NDIndex().addAllDim(2).addSliceDim(0, end);
        NDArray[] views = {keys[layer].get(sofar), values[layer].get(sofar)};
        if (layer == keys.length - 1) {
            length = end;
        }
        return views;
    }

    /** Forgets every position from {@code newLength} on; the next append overwrites them. */
    public void truncate(int newLength) {
        if (newLength > length || newLength < 0) {
            throw new IllegalArgumentException("cannot truncate " + length + " positions to " + newLength);
        }
        length = newLength;
    }

    @Override
    public void close() {
        manager.close();
    }
}
