/**
 * Caches of the {@code ipfs} middleware: a bounded in-memory cache of layout metadata
 * ({@link io.ipfsmiddleware.core.cache.MetadataCache}) and a verified, content-addressed disk
 * cache of blobs ({@link io.ipfsmiddleware.core.cache.BlobCache}), with the counters that show
 * how often the IPFS node is read ({@link io.ipfsmiddleware.core.cache.CacheStats}).
 */
package io.ipfsmiddleware.core.cache;
