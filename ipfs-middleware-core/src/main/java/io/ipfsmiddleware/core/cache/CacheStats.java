package io.ipfsmiddleware.core.cache;

/**
 * A snapshot of how the middleware read content: calls to the IPFS node, and what the caches
 * answered. Counts are since start-up.
 *
 * @param nodeCalls every call made to the IPFS node ({@code cat}, {@code stat}, {@code ls}, {@code resolve})
 * @param nodeCats the {@code cat} calls among them (reads of file content)
 * @param blobReadsFromIpfs blob reads sent to the node: cache fills, plus reads that bypass the disk cache
 * @param blobHits blob reads answered from the disk cache
 * @param blobMisses blob reads that started filling the disk cache from IPFS
 * @param blobJoins blob reads that streamed from a fill another request had started
 * @param blobBypasses blob reads served straight from IPFS without caching (an uncached range, a blob
 *     larger than the cache, all fill slots busy, or no disk cache)
 * @param blobEvictions cached blobs deleted to keep the size bound
 * @param blobCorruptions cached blobs found not to match their digest when read, and deleted
 * @param blobVerifications whole blobs read from the disk cache that were hashed again (see {@link CacheVerify})
 * @param blobCacheBytes bytes held by the disk cache (entries and fills in progress)
 * @param blobCacheEntries blobs held by the disk cache
 * @param metadataHits index.json, manifest and blob-size look-ups answered from memory
 * @param metadataMisses such look-ups that went to the node
 */
public record CacheStats(long nodeCalls, long nodeCats, long blobReadsFromIpfs, long blobHits, long blobMisses,
        long blobJoins, long blobBypasses, long blobEvictions, long blobCorruptions, long blobVerifications,
        long blobCacheBytes,
        long blobCacheEntries, long metadataHits, long metadataMisses) {
}
