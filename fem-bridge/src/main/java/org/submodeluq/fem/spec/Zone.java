package org.submodeluq.fem.spec;

import org.submodeluq.core.UserInputException;

/**
 * The zone of interest (submodel): the strip {@code xMin <= x <= xMax} across the whole height. Its cut
 * boundaries x = xMin and x = xMax carry the boundary traces; top and bottom are traction-free.
 */
public record Zone(double xMin, double xMax) {
    public Zone {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) {
            throw new UserInputException("xMax", "= " + xMax + " is not allowed: must be greater than xMin = " + xMin);
        }
    }

    /** Centre of the zone's x range. */
    public double xCentre() {
        return 0.5 * (xMin + xMax);
    }
}
