package io.ipfsmiddleware.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagPageTest {
    private static final List<String> TAGS = List.of("1.0", "1.1", "2.0", "latest");

    @Test
    void allTagsWithoutLimit() {
        TagPage page = TagPage.of(TAGS, -1, null);
        assertEquals(TAGS, page.tags());
        assertFalse(page.more());
    }

    @Test
    void pagesWithLimitAndLast() {
        TagPage first = TagPage.of(TAGS, 2, null);
        assertEquals(List.of("1.0", "1.1"), first.tags());
        assertTrue(first.more());
        TagPage second = TagPage.of(TAGS, 2, "1.1");
        assertEquals(List.of("2.0", "latest"), second.tags());
        assertFalse(second.more());
    }

    @Test
    void lastBetweenTagsAndPastTheEnd() {
        assertEquals(List.of("2.0", "latest"), TagPage.of(TAGS, 10, "1.5").tags());
        assertEquals(List.of(), TagPage.of(TAGS, 10, "zzz").tags());
        assertEquals(List.of(), TagPage.of(TAGS, 0, null).tags());
    }
}
