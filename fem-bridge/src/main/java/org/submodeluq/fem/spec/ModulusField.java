package org.submodeluq.fem.spec;


/**
 * Random Young's modulus outside the zone: {@code E(x) = E0 exp(logStd * sum_k sqrt(lambda_k) phi_k(x) xi_k)}
 * with xi_k standard normal and (lambda_k, phi_k) the leading Karhunen-Loeve pairs of the separable
 * exponential kernel {@code exp(-|dx| / correlationLengthX - |dy| / correlationLengthY)} on the plate.
 *
 * @param modes number of Karhunen-Loeve terms kept (0: deterministic modulus)
 * @param logStd standard deviation of log E of the untruncated field
 * @param correlationLengthX correlation length along x
 * @param correlationLengthY correlation length along y
 */
public record ModulusField(int modes, double logStd, double correlationLengthX, double correlationLengthY) {

    /** Upper limit on modes: far beyond what a mesh of this kind resolves. */
    public static final int MAX_MODES = 200;

    public ModulusField {
        Rules.requireInRange("modes", modes, 0, MAX_MODES, "an integer in [0, " + MAX_MODES + "]");
        Rules.requireNonNegative("logStd", logStd);
        Rules.requirePositive("correlationLengthX", correlationLengthX);
        Rules.requirePositive("correlationLengthY", correlationLengthY);
    }
}
