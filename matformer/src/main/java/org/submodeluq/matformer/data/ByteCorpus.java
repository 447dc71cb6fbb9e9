package org.submodeluq.matformer.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.submodeluq.core.UserInputException;

/**
 * A UTF-8 text as the bytes a byte-level language model reads, split into a training part and a
 * held-out part. The held-out part is the last stretch of the text, one contiguous block, so no
 * window of one part overlaps the other and the held-out loss measures text the model never saw.
 */
public final class ByteCorpus {

    /**
     * The fewest bytes each part must hold: several windows of a typical context (64 tokens plus
     * one target), so that a training batch has distinct offsets to draw from and a held-out loss
     * averages more than one window.
     */
    public static final int MIN_PART_BYTES = 256;

    /** Share of the bytes held out unless told otherwise. */
    public static final double DEFAULT_HELD_OUT_FRACTION = 0.1;

    private final byte[] bytes;
    private final int split;
    private final String source;

    private ByteCorpus(byte[] bytes, int split, String source) {
        this.bytes = bytes;
        this.split = split;
        this.source = source;
    }

    /**
     * Reads a corpus file.
     *
     * @param heldOutFraction the share of the bytes, at the end of the file, held out, in (0, 1)
     * @throws UserInputException when the file is missing, unreadable, empty, not UTF-8 or too short to split
     */
    public static ByteCorpus read(Path file, double heldOutFraction) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("corpus " + file + " does not exist");
        } catch (IOException e) {
            throw new UserInputException("corpus " + file + " cannot be read: " + e.getMessage());
        }
        return of(bytes, heldOutFraction, file.toString());
    }

    /**
     * A corpus of in-memory text, checked as {@link #read} checks a file.
     *
     * @param bytes the text; copied
     * @param source what the text is, for messages (a file name, "generated", ...)
     */
    public static ByteCorpus of(byte[] bytes, double heldOutFraction, String source) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new UserInputException("held-out fraction", "= " + heldOutFraction
                    + " is not allowed: must be a number > 0 and < 1");
        }
        if (bytes.length == 0) {
            throw new UserInputException("corpus " + source + " is empty");
        }
        requireUtf8(bytes, source);
        if (!fits(bytes.length, heldOutFraction)) {
            throw new UserInputException("corpus " + source + " has " + bytes.length + " bytes, too few to hold out "
                    + heldOutFraction + " of them with at least " + MIN_PART_BYTES + " bytes in each part:"
                    + " needs at least " + fewestBytes(heldOutFraction) + " bytes");
        }
        int split = (int) (bytes.length - heldOutBytes(bytes.length, heldOutFraction));
        return new ByteCorpus(bytes.clone(), split, source);
    }

    /** The training bytes, a copy. */
    public byte[] train() {
        return Arrays.copyOfRange(bytes, 0, split);
    }

    /** The held-out bytes, the end of the text, a copy. */
    public byte[] heldOut() {
        return Arrays.copyOfRange(bytes, split, bytes.length);
    }

    /** Where the text came from: the file name or the source given to {@link #of}. */
    public String source() {
        return source;
    }

    private static void requireUtf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (result.isError()) {
            throw new UserInputException("corpus " + source + " is not valid UTF-8: decoding fails at byte offset "
                    + in.position());
        }
    }

    private static long heldOutBytes(long length, double heldOutFraction) {
        return (long) Math.floor(length * heldOutFraction);
    }

    private static boolean fits(long length, double heldOutFraction) {
        long heldOut = heldOutBytes(length, heldOutFraction);
        return heldOut >= MIN_PART_BYTES && length - heldOut >= MIN_PART_BYTES;
    }

    /**
     * The shortest text that fits, found by bisection: both parts only grow with the length. A
     * fraction so small (or so close to 1) that nothing fits gives 2^62, still a true lower bound.
     */
    private static long fewestBytes(double heldOutFraction) {
        long tooShort = 2L * MIN_PART_BYTES - 1;
        long longEnough = 1L << 62;
        while (longEnough - tooShort > 1) {
            long length = tooShort + (longEnough - tooShort) / 2;
            if (fits(length, heldOutFraction)) {
                longEnough = length;
            } else {
                tooShort = length;
            }
        }
        return longEnough;
    }
}
