package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

/**
 * Keys and values of the positions decoded so far, per layer ({@code (B, heads, t, d_head)}), so that
 * each new token costs one position of attention instead of the whole prefix again. Owns its arrays:
 * close it when the sequence is done. {@link #truncate} rolls back tokens a speculative draft proposed
 * and the verifier rejected.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Positions held. */
    public int length() {
        return length;
    }

    /**
     * Adds the keys and values of new positions to layer {@code layer}; the last layer's call advances
     * the length.
     *
     * @return the layer's keys and values of every position so far
     */
    NDArray[] append(int layer, NDArray newKeys, NDArray newValues) {
        NDArray k = keys[layer] == null ? newKeys.duplicate() : keys[layer].concat(newKeys, 2);
        NDArray v = values[layer] == null ? newValues.duplicate() : values[layer].concat(newValues, 2);
        keep(layer, k, v);
        if (layer == keys.length - 1) {
            length = (int) k.getShape().get(2);
        }
        return new NDArray[] {k, v};
    }

    /** Forgets every position from {@code newLength} on. */
    public void truncate(int newLength) {
        if (newLength > length || newLength < 0) {
            throw new IllegalArgumentException("cannot truncate " + length + " positions to " + newLength);
        }
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] != null) {
                keep(layer, keys[layer].get(new NDIndex(":, :, :{}, :", newLength)),
                        values[layer].get(new NDIndex(":, :, :{}, :", newLength)));
            }
        }
        length = newLength;
    }

    private void keep(int layer, NDArray k, NDArray v) {
        NDScope.unregister(k, v);
        k.attach(manager);
        v.attach(manager);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = k;
        values[layer] = v;
    }

    @Override
    public void close() {
        manager.close();
    }
}
