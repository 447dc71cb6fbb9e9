package org.submodeluq.fem.model;

import org.submodeluq.core.UserInputException;

/**
 * A run whose zone quantities stopped being finite numbers: the case as written cannot be integrated
 * (a time step far from the stable or accurate range, a degenerate material), so the run stops at the
 * step where it happened rather than leave NaN in a result file. A user error: the case is the cause.
 */
public final class DivergedRunException extends UserInputException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final String quantity;

    DivergedRunException(int step, double time, String quantity, double value) {
        super(quantity + " = " + value + " at step " + step + " (t = " + time + "): the run diverged, so the case "
                + "cannot be integrated as written (check time.dt and the material)");
        this.step = step;
        this.quantity = quantity;
    }

    private DivergedRunException(String message, int step, String quantity) {
        super(message);
        this.step = step;
        this.quantity = quantity;
    }

    /** The same divergence, told of sample {@code index} of a campaign. */
    public DivergedRunException inSample(long index) {
        return new DivergedRunException("sample " + index + ": " + getMessage(), step, quantity);
    }

    public int step() {
        return step;
    }

    public String quantity() {
        return quantity;
    }
}
