package org.submodeluq.fem.spec;

import java.util.Arrays;
import java.util.Objects;
import org.submodeluq.core.UserInputException;

/**
 * The impact: on the edge x = length a traction
 * {@code t(y, s) = amplitude * sin(pi s / duration) * profile(y - centre) * direction} for
 * {@code 0 <= s <= duration}, and zero after. Amplitude, duration and centre are random inputs.
 *
 * @param direction unit vector of the traction (normalised here)
 * @param profile shape along the edge
 * @param width width of the loaded patch along y
 * @param amplitude peak traction (stress unit)
 * @param duration length of the half-sine (time unit)
 * @param centre y of the patch centre
 */
public record TractionPulse(double[] direction, LoadProfile profile, double width,
                           ScalarDistribution amplitude, ScalarDistribution duration, ScalarDistribution centre) {
    public TractionPulse {
        Rules.requirePresent("direction", direction);
        double norm = direction.length == 2 ? Math.hypot(direction[0], direction[1]) : 0;
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new UserInputException("direction", "= " + Arrays.toString(direction)
                    + " is not allowed: must be a non-zero vector [x, y]");
        }
        direction = new double[] {direction[0] / norm, direction[1] / norm};
        Rules.requirePresent("profile", profile);
        Rules.requirePositive("width", width);
        Rules.requirePresent("amplitude", amplitude);
        Rules.requirePresent("duration", duration);
        Rules.requirePresent("centre", centre);
        if (!(duration.lowerBound() > 0)) {
            throw new UserInputException("duration", "= " + duration.text() + " is not allowed: durations must be > 0");
        }
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** Time factor of the pulse at time {@code s}: sin(pi s / duration) while it lasts. */
    public static double halfSine(double s, double duration) {
        return s >= 0 && s <= duration ? Math.sin(Math.PI * s / duration) : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TractionPulse p && Arrays.equals(direction, p.direction) && profile == p.profile
                && width == p.width && amplitude.equals(p.amplitude) && duration.equals(p.duration)
                && centre.equals(p.centre);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(direction) + Objects.hash(profile, width, amplitude, duration, centre);
    }

    @Override
    public String toString() {
        return "TractionPulse[direction=" + Arrays.toString(direction) + ", profile=" + profile.text()
                + ", width=" + width + ", amplitude=" + amplitude.text() + ", duration=" + duration.text()
                + ", centre=" + centre.text() + "]";
    }
}
