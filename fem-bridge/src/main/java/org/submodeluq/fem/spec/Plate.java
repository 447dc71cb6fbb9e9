package org.submodeluq.fem.spec;


/**
 * The structure: the rectangle [0, length] x [0, height], clamped on x = 0 and loaded on x = length.
 *
 * @param length extent along x (length unit of the case)
 * @param height extent along y
 */
public record Plate(double length, double height) {
    public Plate {
        Rules.requirePositive("length", length);
        Rules.requirePositive("height", height);
    }
}
