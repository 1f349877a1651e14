package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cursors and the key order that pages follow. */
class PagingTest {

    @Test
    void aCursorCarriesAnyKeyThroughAUrl() {
        for (String key : List.of("eu1//prod/web", "eu1/tâche ünïcode", "us1/a+b=c&d", "eu1/\uD83D\uDE80")) {
            String cursor = CursorCodec.encode(key);

            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            assertThat(CursorCodec.decode(cursor)).isEqualTo(key);
        }
    }

    @Test
    void aCursorThisApiDidNotMakeIsABadParameter() {
        for (String bad : List.of("%%%", "not base64!", "", "_w")) {
            assertThatThrownBy(() -> CursorCodec.decode(bad)).isInstanceOfSatisfying(ApiError.class, error -> {
                assertThat(error.status()).isEqualTo(400);
                assertThat(error.body()).containsEntry("parameter", "cursor");
            });
        }
    }

    @Test
    void keysAreOrderedByCodePointLikeTheirUtf8Bytes() {
        List<String> keys = new ArrayList<>(List.of("eu1/\uD83D\uDE80", "eu1/\uFF21", "eu1/b", "eu1/a", "eu1//x", "eu1"));
        keys.sort(KeyOrder.CODE_POINTS);

        // U+1F680 sorts after U+FF21 by code point (and UTF-8 bytes), before it by UTF-16 units.
        assertThat(keys).containsExactly("eu1", "eu1//x", "eu1/a", "eu1/b", "eu1/\uFF21", "eu1/\uD83D\uDE80");
    }

    @Test
    void aPageAdmitsOnlyKeysAfterItsCursor() {
        PageRequest page = new PageRequest(10, Optional.of("eu1/m"));

        assertThat(page.admits("eu1/m")).isFalse();
        assertThat(page.admits("eu1/a")).isFalse();
        assertThat(page.admits("eu1/n")).isTrue();
        assertThat(new PageRequest(10, Optional.empty()).admits("eu1/a")).isTrue();
    }
}
