package org.submodeluq.matformer.data;

import java.nio.charset.StandardCharsets;

/** Text as the byte tokens the models read and write (UTF-8, one token per byte). */
public final class ByteText {

    private ByteText() {
    }

    /** The UTF-8 bytes of {@code text}, as tokens 0..255. */
    public static long[] tokens(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long[] tokens = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tokens[i] = bytes[i] & 0xFF;
        }
        return tokens;
    }

    /** Tokens back to text; bytes that are not valid UTF-8 become U+FFFD. */
    public static String text(long[] tokens) {
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            bytes[i] = (byte) tokens[i];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
