package io.ipfsmiddleware.api.model;

import java.util.List;

/**
 * One page of a repository's tags, in lexical order.
 *
 * @param tags the tags of this page, copied
 * @param more whether tags follow the last one of this page
 */
public record TagPage(List<String> tags, boolean more) {
    /**
     * Copies.
     *
     * @param tags the tags of this page, copied
     * @param more whether tags follow the last one of this page
     */
    public TagPage {
        tags = List.copyOf(tags);
    }

    /**
     * Takes one page out of a sorted list of all tags, the way {@code tags/list} paginates.
     *
     * @param sortedTags every tag, sorted
     * @param limit the most tags to return, or a negative number for all of them
     * @param last return only tags after this one, or {@code null}
     * @return the page
     */
    public static TagPage of(List<String> sortedTags, int limit, String last) {
        int from = 0;
        if (last != null) {
            while (from < sortedTags.size() && sortedTags.get(from).compareTo(last) <= 0) {
                from++;
            }
        }
        int to = limit < 0 ? sortedTags.size() : (int) Math.min(sortedTags.size(), (long) from + limit);
        return new TagPage(sortedTags.subList(from, to), to < sortedTags.size());
    }
}
