package org.submodeluq.fem.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Shape of the traction along the loaded edge, as a function of the distance to the patch centre. */
public enum LoadProfile implements CaseKeyword {
    /**
     * {@code cos^2(pi (y - centre) / width)} for {@code |y - centre| < width / 2}, else 0: smooth, so no
     * spurious waves.
     */
    COSINE_BELL("cosine-bell"),
    /**
     * 1 for {@code |y - centre| <= width / 2}, else 0: a flat punch, or a uniform end load when it covers
     * the edge.
     */
    UNIFORM("uniform");

    private final String text;

    LoadProfile(String text) {
        this.text = text;
    }

    /** The case-file spelling. */
    @JsonValue
    @Override
    public String text() {
        return text;
    }

    /** The profile's value at distance {@code offset} from the patch centre. */
    public double value(double offset, double width) {
        double half = 0.5 * width;
        return switch (this) {
            case COSINE_BELL -> Math.abs(offset) < half ? square(Math.cos(Math.PI * offset / width)) : 0;
            case UNIFORM -> Math.abs(offset) <= half ? 1 : 0;
        };
    }

    private static double square(double x) {
        return x * x;
    }
}
