package io.ipfsmiddleware.core;

import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.core.cache.ByteSize;
import io.ipfsmiddleware.core.cache.CacheSettings;
import io.ipfsmiddleware.core.cache.CacheVerify;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the cache options of the {@code ipfs} middleware into {@link CacheSettings}. */
final class CacheOptions {
    private CacheOptions() {
    }

    static CacheSettings settings(MiddlewareOptions options) {
        CacheSettings settings = CacheSettings.memoryOnly();
        long metadata = size(options, IpfsMiddlewareProvider.METADATA_CACHE_SIZE, settings.metadataBytes());
        settings = new CacheSettings(Optional.empty(), settings.maxBytes(), metadata, settings.maxFills(),
                settings.ipnsTtl(), verify(options));
        String directory = options.string(IpfsMiddlewareProvider.CACHE_DIRECTORY, "");
        long max = size(options, IpfsMiddlewareProvider.CACHE_MAX_SIZE, settings.maxBytes());
        if (directory.isEmpty()) {
            if (options.asMap().containsKey(IpfsMiddlewareProvider.CACHE_MAX_SIZE)) {
                throw new MiddlewareConfigException("middleware 'ipfs': option '"
                        + IpfsMiddlewareProvider.CACHE_MAX_SIZE + "' needs '" + IpfsMiddlewareProvider.CACHE_DIRECTORY
                        + "', the directory of the disk blob cache");
            }
            return settings;
        }
        try {
            return settings.withDisk(Path.of(directory), max);
        } catch (InvalidPathException e) {
            throw options.invalid(IpfsMiddlewareProvider.CACHE_DIRECTORY, directory, "a directory path");
        }
    }

    private static CacheVerify verify(MiddlewareOptions options) {
        String text = options.string(IpfsMiddlewareProvider.CACHE_VERIFY, CacheVerify.CHANGED.optionValue());
        try {
            return CacheVerify.parse(text);
        } catch (IllegalArgumentException e) {
            throw options.invalid(IpfsMiddlewareProvider.CACHE_VERIFY, text, "changed (hash a cached blob again only "
                    + "when its file changed on disk) or always (on every read)");
        }
    }

    private static long size(MiddlewareOptions options, String key, long defaultValue) {
        String text = options.string(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long bytes = ByteSize.parse(text);
            if (bytes > 0) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw options.invalid(key, text, "a positive size such as 10GiB, 512MiB or 1000000 (bytes)");
    }
}
