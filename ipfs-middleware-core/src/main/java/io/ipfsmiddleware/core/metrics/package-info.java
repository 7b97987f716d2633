/**
 * Micrometer meters of the {@code ipfs} middleware: node calls by operation and outcome, bytes
 * read from IPFS, and the caches' counters. They register with Micrometer's global registry, so a
 * registry that adds a backend there (Prometheus, for example) exports them.
 */
package io.ipfsmiddleware.core.metrics;
