package io.mesosevents.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final BackoffPolicy POLICY = new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofSeconds(60));

    @Test
    void doublesUpToTheCapWithTheHighestDraw() {
        Backoff backoff = new Backoff(POLICY, () -> 0.999_999_999);

        assertThat(backoff.next()).isCloseTo(Duration.ofMillis(100), Duration.ofMillis(1));
        assertThat(backoff.next()).isCloseTo(Duration.ofMillis(200), Duration.ofMillis(1));
        assertThat(backoff.next()).isCloseTo(Duration.ofMillis(400), Duration.ofMillis(1));
        assertThat(backoff.next()).isCloseTo(Duration.ofMillis(700), Duration.ofMillis(1));
        assertThat(backoff.next()).isCloseTo(Duration.ofMillis(700), Duration.ofMillis(1));
    }

    @Test
    void jitterDrawsFromTheUpperHalf() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void resetStartsOverFromTheInitialDelay() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
    }
}
