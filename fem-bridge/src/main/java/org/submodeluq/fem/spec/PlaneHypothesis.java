package org.submodeluq.fem.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the 2D model stands for the 3D body: an infinitely thick one or a thin sheet. */
public enum PlaneHypothesis implements CaseKeyword {
    /** Out-of-plane strain is zero; sigma_zz = nu (sigma_xx + sigma_yy). */
    PLANE_STRAIN("plane-strain"),
    /** Out-of-plane stress is zero. */
    PLANE_STRESS("plane-stress");

    private final String text;

    PlaneHypothesis(String text) {
        this.text = text;
    }

    /** The case-file spelling. */
    @JsonValue
    @Override
    public String text() {
        return text;
    }
}
