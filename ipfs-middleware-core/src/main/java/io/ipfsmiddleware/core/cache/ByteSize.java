package io.ipfsmiddleware.core.cache;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes written {@code 10GiB}, {@code 512MiB}, {@code 64m}, {@code 2GB} or a plain number of bytes. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?)(b?)");

    private ByteSize() {
    }

    /**
     * Binary units ({@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}, and the short {@code k},
     * {@code m}, {@code g}, {@code t}) are powers of 1024; {@code KB}, {@code MB}, {@code GB},
     * {@code TB} are powers of 1000; case does not matter.
     *
     * @param text the size
     * @return the number of bytes
     * @throws IllegalArgumentException when it does not parse or overflows
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2).isEmpty() && !m.group(3).isEmpty())) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 10GiB, 512MiB or 1000000");
        }
        boolean decimal = m.group(3).isEmpty() && !m.group(4).isEmpty();
        long base = decimal ? 1000 : 1024;
        int power = m.group(2).isEmpty() ? 0 : "kmgt".indexOf(m.group(2)) + 1;
        try {
            long n = Long.parseLong(m.group(1));
            for (int i = 0; i < power; i++) {
                n = Math.multiplyExact(n, base);
            }
            return n;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }

    /** @return {@code bytes} written with a binary unit, e.g. {@code 1.5 GiB}, for messages */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGTPE";
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %siB", v, units.charAt(u));
    }
}
