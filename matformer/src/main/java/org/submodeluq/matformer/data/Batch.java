package org.submodeluq.matformer.data;

/**
 * B windows of T tokens (byte values 0..255) and, for each token, the byte that follows it: what a
 * next-token loss compares the model's predictions with. Arrays are shared, not copied, and compared
 * by reference.
 *
 * @param inputs B rows of T tokens
 * @param targets B rows of T tokens, row b being inputs[b] shifted left by one
 */
public record Batch(long[][] inputs, long[][] targets) {

    public Batch {
        if (inputs.length == 0 || inputs.length != targets.length) {
            throw new IllegalArgumentException("a batch needs as many target rows as input rows, at least one: "
                    + inputs.length + " vs " + targets.length);
        }
        int context = inputs[0].length;
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length != context || targets[b].length != context) {
                throw new IllegalArgumentException("row " + b + " of the batch is not " + context + " tokens long");
            }
        }
    }
}
