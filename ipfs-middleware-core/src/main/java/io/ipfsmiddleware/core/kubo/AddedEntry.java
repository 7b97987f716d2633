package io.ipfsmiddleware.core.kubo;

/**
 * One line of kubo's {@code add} answer: a file or directory it added.
 *
 * @param name the path relative to the added tree's parent, e.g. {@code tree/alpine/index.json}
 *     ({@code ""} for the wrapping directory)
 * @param cid its CID
 * @param size its cumulative size as kubo reports it
 */
public record AddedEntry(String name, String cid, long size) {
}
