package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void theScanRunsEveryTenthOfTheRetentionButAtMostEveryMinuteAndAtLeastEverySecond() {
        assertThat(Retention.scanInterval(Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(20));
        assertThat(Retention.scanInterval(Duration.ofDays(7))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Retention.scanInterval(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Retention.scanInterval(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    }
}
