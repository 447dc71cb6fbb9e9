package org.submodeluq.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An outside program a test needs as an independent reference (Debian's Python, Chromium). Where it is
 * missing the test is skipped with the apt command to run, unless the environment variable that CI sets
 * asks for it, where the test fails, so that CI never passes by skipping.
 */
public final class RequiredProgram {

    private RequiredProgram() {
    }

    /**
     * Checks that {@code probe} exits with 0 within a minute, or skips (fails where {@code requiredBy}
     * is set to 1) with {@code message}.
     */
    public static void check(String requiredBy, String message, String... probe) {
        boolean available;
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            available = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        if (!available && "1".equals(System.getenv(requiredBy))) {
            fail(message);
        }
        Assumptions.assumeTrue(available, message);
    }
}
