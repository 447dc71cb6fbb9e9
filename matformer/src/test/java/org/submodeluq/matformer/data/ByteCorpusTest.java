package org.submodeluq.matformer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;

class ByteCorpusTest {

    @TempDir
    Path dir;

    @Test
    void heldOutPartIsTheLastFractionOfTheBytes() throws IOException {
        // 1000 two-byte characters: 2000 bytes, a quarter of them (500) held out
        byte[] text = "é".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("text.txt"), text);
        ByteCorpus corpus = ByteCorpus.read(file, 0.25);
        assertArrayEquals(Arrays.copyOfRange(text, 0, 1500), corpus.train());
        assertArrayEquals(Arrays.copyOfRange(text, 1500, 2000), corpus.heldOut());
        assertEquals(file.toString(), corpus.source());
    }

    @Test
    void partsAreCopies() {
        ByteCorpus corpus = ByteCorpus.of(ascii(2000), 0.25, "memory");
        corpus.train()[0] = 0;
        corpus.heldOut()[0] = 0;
        assertEquals('a', corpus.train()[0]);
        assertEquals('a' + 1500 % 26, corpus.heldOut()[0]);
    }

    @Test
    void shortestTextThatSplitsIsAccepted() {
        // floor(0.25 n) >= 256 first holds at n = 1024
        assertEquals(256, ByteCorpus.of(ascii(1024), 0.25, "memory").heldOut().length);
        assertEquals(768, ByteCorpus.of(ascii(1024), 0.25, "memory").train().length);
        // n - floor(0.9 n) >= 256 first holds at n = 2551: floor(2295.9) = 2295 leaves 256
        assertEquals(256, ByteCorpus.of(ascii(2551), 0.9, "memory").train().length);
    }

    @Test
    void rejectsATextTooShortForTheSplitSayingHowManyBytesItNeeds() {
        assertEquals("corpus memory has 1023 bytes, too few to hold out 0.25 of them with at least 256 bytes"
                + " in each part: needs at least 1024 bytes",
                message(() -> ByteCorpus.of(ascii(1023), 0.25, "memory")));
        // 2550 - floor(2295.0) = 255 training bytes
        assertEquals("corpus memory has 2550 bytes, too few to hold out 0.9 of them with at least 256 bytes"
                + " in each part: needs at least 2551 bytes",
                message(() -> ByteCorpus.of(ascii(2550), 0.9, "memory")));
    }

    @Test
    void rejectsAMissingFile() {
        Path file = dir.resolve("absent.txt");
        assertEquals("corpus " + file + " does not exist", message(() -> ByteCorpus.read(file, 0.1)));
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertEquals("corpus " + file + " is empty", message(() -> ByteCorpus.read(file, 0.1)));
    }

    @Test
    void rejectsInvalidUtf8AtTheOffendingByte() throws IOException {
        // 0xC3 starts a two-byte character, 0x28 '(' cannot continue it; 6000 bytes ahead of it
        // take the decoder past its 4096-character buffer
        byte[] text = Arrays.copyOf(ascii(6000), 6002);
        text[6000] = (byte) 0xC3;
        text[6001] = 0x28;
        Path file = Files.write(dir.resolve("latin1.txt"), text);
        assertEquals("corpus " + file + " is not valid UTF-8: decoding fails at byte offset 6000",
                message(() -> ByteCorpus.read(file, 0.1)));
    }

    @Test
    void rejectsAMultiByteCharacterCutShortAtTheEnd() {
        // the first two of the three bytes of '€' (E2 82 AC)
        byte[] text = Arrays.copyOf(ascii(1000), 1002);
        text[1000] = (byte) 0xE2;
        text[1001] = (byte) 0x82;
        assertEquals("corpus cut is not valid UTF-8: decoding fails at byte offset 1000",
                message(() -> ByteCorpus.of(text, 0.5, "cut")));
    }

    @Test
    void rejectsAHeldOutFractionOutsideZeroToOne() {
        assertEquals("held-out fraction = 1.0 is not allowed: must be a number > 0 and < 1",
                message(() -> ByteCorpus.of(ascii(2000), 1.0, "memory")));
        assertEquals("held-out fraction = NaN is not allowed: must be a number > 0 and < 1",
                message(() -> ByteCorpus.of(ascii(2000), Double.NaN, "memory")));
    }

    /** Letters a..z repeated: valid UTF-8, byte i is 'a' + i mod 26. */
    private static byte[] ascii(int length) {
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        return text;
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(UserInputException.class, call).getMessage();
    }
}
