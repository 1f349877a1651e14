package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Resume tokens: what goes in comes out, and anything this API did not make is a 400 naming the parameter. */
class WatchTokenCodecTest {

    private static final WatchPositions POSITIONS = new WatchPositions(Map.of(
            WatchType.TASK, List.of(0L, 127L, 128L, 1L << 40, Long.MAX_VALUE),
            WatchType.DEPLOYMENT, List.of(7L)));

    @Test
    void positionsSurviveTheRoundTripInAUrlSafeToken() {
        String token = WatchTokenCodec.encode(POSITIONS);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(WatchTokenCodec.decode(token, "lastEventId")).isEqualTo(POSITIONS);
        assertThat(WatchTokenCodec.decode(WatchTokenCodec.encode(new WatchPositions(Map.of())), "lastEventId").offsets())
                .isEmpty();
    }

    @Test
    void garbageMangledAndForeignTokensAreRefused() {
        String token = WatchTokenCodec.encode(POSITIONS);
        byte[] body = Arrays.copyOf(Base64.getUrlDecoder().decode(token), Base64.getUrlDecoder().decode(token).length - 4);

        assertRefused("not base64!", "not base64url");
        assertRefused("", "too short");
        assertRefused(token.substring(0, token.length() - 3), "checksum");
        assertRefused(token.substring(0, 6) + (token.charAt(6) == 'A' ? 'B' : 'A') + token.substring(7), "checksum");
        body[0] = 2;
        assertRefused(withChecksum(body), "another version");
        assertRefused(withChecksum(new byte[] {1, 9, 1, 0}), "unknown type code 9");
        assertRefused(withChecksum(new byte[] {1, 6, 1, 0, 1, 1, 0}), "out of order");
        assertRefused(withChecksum(new byte[] {1, 1, 2, 0}), "truncated");
        assertRefused(withChecksum(new byte[] {1, 1, 0}), "partition count 0");
    }

    private static void assertRefused(String token, String why) {
        assertThatThrownBy(() -> WatchTokenCodec.decode(token, "Last-Event-ID"))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.body()).containsEntry("parameter", "Last-Event-ID");
                    assertThat(error.getMessage()).contains("not an event id").contains(why);
                });
    }

    /** A token of {@code body} (version, types and offsets) with a correct checksum. */
    private static String withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] token = Arrays.copyOf(body, body.length + 4);
        long value = crc.getValue();
        for (int i = 0; i < 4; i++) {
            token[body.length + i] = (byte) (value >>> (24 - 8 * i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
