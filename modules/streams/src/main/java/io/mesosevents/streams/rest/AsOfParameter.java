package io.mesosevents.streams.rest;

import io.mesosevents.streams.InstantText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code asOf} query parameter of the single-entity routes: an ISO-8601 instant
 * ({@code 2026-03-01T12:00:00Z}, {@code 2026-03-01T13:00:00.250+01:00}) or epoch milliseconds.
 *
 * <p>The history stores keep versions by record time in milliseconds, so the instant is cut to
 * milliseconds here, once, and every instance then reads and names the same instant. The instance the
 * client asked checks the instant against its clock (not in the future, not before the history
 * retention); an instance that gets the lookup forwarded only parses it, so clock skew between
 * instances cannot turn an accepted request into a refusal half-way.
 */
final class AsOfParameter {

    private final Clock clock;
    private final Duration historyRetention;

    AsOfParameter(Clock clock, Duration historyRetention) {
        this.clock = clock;
        this.historyRetention = historyRetention;
    }

    /** A client's {@code asOf}: empty for the current row; a 400 when unreadable, in the future or older than the history. */
    Optional<Instant> requested(QueryParams params) {
        Optional<Instant> asOf = parse(params);
        if (asOf.isEmpty()) {
            return asOf;
        }
        Instant now = clock.instant();
        Instant instant = asOf.get();
        if (instant.isAfter(now)) {
            throw ApiError.badParameter(QueryParams.AS_OF, "is in the future (" + instant + "; now is " + now
                    + "): the history reaches up to now only");
        }
        Instant oldest = now.minus(historyRetention);
        if (instant.isBefore(oldest)) {
            throw ApiError.badParameter(QueryParams.AS_OF, "is older than the history retention of " + describe(historyRetention)
                    + " (" + instant + " is before " + oldest.truncatedTo(ChronoUnit.SECONDS)
                    + "): that history is no longer kept");
        }
        return asOf;
    }

    /** The {@code asOf} of a forwarded lookup, checked by the sender already. */
    static Optional<Instant> forwarded(QueryParams params) {
        return parse(params);
    }

    /** How a resolved instant travels to the owner of the key: epoch milliseconds, exact and short. */
    static String forwardValue(Instant asOf) {
        return Long.toString(asOf.toEpochMilli());
    }

    private static Optional<Instant> parse(QueryParams params) {
        return params.get(QueryParams.AS_OF).map(AsOfParameter::instant);
    }

    private static Instant instant(String value) {
        try {
            return InstantText.parse(value);
        } catch (IllegalArgumentException e) {
            // A '+' of an offset that was not URL-encoded arrives as a space.
            String hint = value.contains(" ") ? "; write the '+' of an offset as %2B in a URL" : "";
            throw ApiError.badParameter(QueryParams.AS_OF, e.getMessage() + hint);
        }
    }

    /** "7 days", "36 hours", "90 seconds": the retention as an operator configured it. */
    private static String describe(Duration retention) {
        if (retention.toSeconds() % 86_400 == 0) {
            return plural(retention.toDays(), "day");
        }
        if (retention.toSeconds() % 3_600 == 0) {
            return plural(retention.toHours(), "hour");
        }
        return plural(retention.toSeconds(), "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
