package io.mesosevents.streams.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of a collection page: the last key of the page, base64url without
 * padding. Clients must not build cursors; that the key is inside is an implementation detail that
 * keeps cursors valid across instances and restarts (no server-side paging state).
 */
final class CursorCodec {

    static final String PARAMETER = "cursor";

    private CursorCodec() {
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside {@code cursor}; a 400 naming the parameter when it is not one this API made. */
    static String decode(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (key.isEmpty()) {
                throw ApiError.badParameter(PARAMETER, "is empty; pass the nextCursor of the previous page");
            }
            return key;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw ApiError.badParameter(PARAMETER, "is not a cursor returned by this API; pass nextCursor of the previous page");
        }
    }
}
