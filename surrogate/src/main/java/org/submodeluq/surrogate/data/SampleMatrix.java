package org.submodeluq.surrogate.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.submodeluq.core.UserInputException;

/**
 * n samples of d features, row-major, with the shape each row has before flattening (for boundary
 * traces: nodes x 2 x steps). Rows are not copied; the matrix is treated as read-only.
 *
 * @param rows the samples
 * @param featureShape the shape of one sample; its product is d
 */
public record SampleMatrix(double[][] rows, int[] featureShape) {

    public SampleMatrix {
        if (rows.length == 0) {
            throw new UserInputException("the data hold no samples");
        }
        int d = Arrays.stream(featureShape).reduce(1, Math::multiplyExact);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("sample " + i + " has " + rows[i].length + " features, not " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new UserInputException("the data hold " + rows[i][j] + " at sample " + i + ", feature " + j
                            + ": generators need finite values");
                }
            }
        }
        featureShape = featureShape.clone();
    }

    @Override
    public int[] featureShape() {
        return featureShape.clone();
    }

    public int size() {
        return rows.length;
    }

    public int features() {
        return rows[0].length;
    }

    /** The rows at {@code indices}, in that order (not copied). */
    public SampleMatrix select(long[] indices) {
        double[][] selected = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = rows[Math.toIntExact(indices[i])];
        }
        return new SampleMatrix(selected, featureShape);
    }

    /** SHA-256 of the values as little-endian float64, row by row: what a model's manifest records. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(8 * features()).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : rows) {
                buffer.clear();
                for (double value : row) {
                    buffer.putDouble(value);
                }
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
