package org.submodeluq.matformer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.submodeluq.core.UserInputException;

/**
 * The corpus the demo trains on when none is given: the GNU GPL version 3, 35 kB of English that
 * Debian's essential base-files package puts on every machine, so a fresh machine needs no download.
 */
public final class DemoCorpus {

    static final Path GPL3 = Path.of("/usr/share/common-licenses/GPL-3");

    private DemoCorpus() {
    }

    /**
     * The demo corpus file.
     *
     * @throws UserInputException when this machine lacks it
     */
    public static Path path() {
        return existing(GPL3);
    }

    /** {@code file} if it exists; apart from {@link #path} so that a test can name a missing file. */
    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no corpus given and the demo corpus " + file
                    + " is missing on this machine: name a corpus file");
        }
        return file;
    }
}
