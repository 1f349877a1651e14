package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading {@code asOf}: both forms, cut to milliseconds, and the refusals with their reasons. */
class AsOfParameterTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
    private final AsOfParameter parameter = new AsOfParameter(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7));

    @Test
    void isoInstantsAndEpochMillisecondsNameTheSameInstant() {
        assertThat(requested("2026-03-01T12:30:00.123456Z")).contains(Instant.parse("2026-03-01T12:30:00.123Z"));
        assertThat(requested("2026-03-01T14:30:00+02:00")).contains(Instant.parse("2026-03-01T12:30:00Z"));
        assertThat(requested(Long.toString(Instant.parse("2026-03-05T00:00:00Z").toEpochMilli())))
                .contains(Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(requested(NOW.toString())).as("now itself").contains(NOW);
        assertThat(parameter.requested(QueryParams.of(Map.of(), EntityHandler.PARAMS))).isEmpty();
    }

    @Test
    void aForwardedInstantIsOnlyRead() {
        QueryParams future = QueryParams.of(Map.of(QueryParams.AS_OF, List.of(AsOfParameter.forwardValue(NOW.plusSeconds(5)))),
                EntityHandler.PARAMS);

        assertThat(AsOfParameter.forwarded(future)).contains(NOW.plusSeconds(5));
    }

    @Test
    void unreadableFutureAndForgottenInstantsAre400s() {
        assertRefused("last tuesday", "ISO-8601 instant");
        assertRefused("2026-03-01", "ISO-8601 instant");
        assertRefused("2026-03-01T14:30:00 02:00", "%2B");
        assertRefused("99999999999999999999", "epoch milliseconds");
        assertRefused("-5", "ISO-8601 instant");
        assertRefused(NOW.plusMillis(1).toString(), "in the future");
        assertRefused(NOW.minus(Duration.ofDays(7)).minusMillis(1).toString(), "older than the history retention of 7 days");
        assertThat(requested(NOW.minus(Duration.ofDays(7)).toString())).as("the oldest instant kept").isPresent();
    }

    private Optional<Instant> requested(String value) {
        return parameter.requested(QueryParams.of(Map.of(QueryParams.AS_OF, List.of(value)), EntityHandler.PARAMS));
    }

    private void assertRefused(String value, String why) {
        assertThatThrownBy(() -> requested(value)).isInstanceOfSatisfying(ApiError.class, error -> {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.body()).containsEntry("parameter", "asOf");
            assertThat(error.getMessage()).contains(why);
        });
    }
}
