package io.ipfsmiddleware.core.cache;

import java.util.Locale;

/** When a whole blob served from the disk cache is hashed again (option {@code cacheverify}). */
public enum CacheVerify {
    /**
     * Only when the file changed on disk since its content was last checked (size, inode, change
     * or modification time moved), and on the first read after a start. Silent corruption that
     * leaves the attributes alone (bit rot) is not detected.
     */
    CHANGED,
    /** On every whole read: detects any corruption, at the cost of hashing every byte served. */
    ALWAYS;

    /**
     * @param text {@code changed} or {@code always}, any case
     * @return the mode
     * @throws IllegalArgumentException for other text
     */
    public static CacheVerify parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** @return the option value, e.g. {@code changed} */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
