package org.submodeluq.matformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;

class DemoCorpusTest {

    @Test
    void theGplIsAValidCorpus() throws IOException {
        assumeTrue(Files.isRegularFile(DemoCorpus.GPL3), "this machine has no " + DemoCorpus.GPL3);
        ByteCorpus corpus = ByteCorpus.read(DemoCorpus.path(), 0.1);
        long size = Files.size(DemoCorpus.GPL3);
        assertEquals(size / 10, corpus.heldOut().length);
        assertEquals(size - size / 10, corpus.train().length);
    }

    @Test
    void aMissingDemoCorpusAsksForOne(@TempDir Path dir) {
        Path absent = dir.resolve("GPL-3");
        UserInputException e = assertThrows(UserInputException.class, () -> DemoCorpus.existing(absent));
        assertEquals("no corpus given and the demo corpus " + absent
                + " is missing on this machine: name a corpus file", e.getMessage());
    }
}
