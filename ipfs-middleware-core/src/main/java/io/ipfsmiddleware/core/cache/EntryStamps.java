package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.api.model.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per cache entry, the file's attributes at the time its content was last checked
 * against the digest, so that a whole blob need not be hashed again on every read: an entry
 * whose file still has the same size, file key (device and inode), change time and modification
 * time has not been written since (on POSIX systems any write, truncation or {@code touch}
 * moves the change time, which no unprivileged process can set back).
 *
 * <p>Timestamps are coarse (Linux stamps files from a clock that ticks every few milliseconds;
 * other filesystems use seconds), so a write in the same tick as the stamp would go unnoticed.
 * As git does for its index, a stamp taken less than {@link #RACY_MARGIN_MILLIS} after the
 * file's last change is not trusted: that entry is hashed once more, and the stamp taken then
 * is. Stamps live in memory only, so every entry is hashed on its first read after a restart.
 *
 * <p>What this does not catch: content changed without any change of the attributes (bit rot
 * on the disk, or writes to the block device). That is the trade-off of {@link
 * CacheVerify#CHANGED}; {@link CacheVerify#ALWAYS} hashes every whole read instead.
 */
final class EntryStamps {
    /** How long after a file's last change a stamp of it is trusted. */
    static final long RACY_MARGIN_MILLIS = 2000;

    private final Clock clock;
    private final boolean unixView;
    private final Map<Digest, Stamp> stamps = new ConcurrentHashMap<>();

    EntryStamps(Clock clock, Path directory) {
        this.clock = clock;
        this.unixView = directory.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /** The attributes of a file that any write changes, and when they were read. */
    record Stamp(long size, Object fileKey, FileTime changed, FileTime modified, long takenAtMillis) {
        boolean sameFile(Stamp other) {
            return size == other.size && Objects.equals(fileKey, other.fileKey)
                    && Objects.equals(changed, other.changed) && modified.equals(other.modified);
        }

        boolean racy() {
            FileTime last = changed != null ? changed : modified;
            return last.toMillis() > takenAtMillis - RACY_MARGIN_MILLIS;
        }
    }

    /** @return the file's attributes now; take it before reading the content to be verified */
    Stamp take(Path file) throws IOException {
        long now = clock.millis();
        if (unixView) {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,dev,ino,ctime,lastModifiedTime");
            return new Stamp((Long) a.get("size"), a.get("dev") + ":" + a.get("ino"), (FileTime) a.get("ctime"),
                    (FileTime) a.get("lastModifiedTime"), now);
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.fileKey(), null, a.lastModifiedTime(), now);
    }

    /** Records that the content of the file was verified when it had the attributes {@code stamp}. */
    void verified(Digest digest, Stamp stamp) {
        stamps.put(digest, stamp);
    }

    /** @return whether the file is unchanged since a trusted stamp, i.e. need not be hashed again */
    boolean unchanged(Digest digest, Stamp now) {
        Stamp then = stamps.get(digest);
        return then != null && !then.racy() && then.sameFile(now);
    }

    void forget(Digest digest) {
        stamps.remove(digest);
    }
}
