package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeploymentViewProcessorTest {

    @Test
    void theSweepRunsEveryTenthOfTheRetentionButAtMostEveryMinuteAndAtLeastEverySecond() {
        assertThat(DeploymentViewProcessor.sweepInterval(Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(20));
        assertThat(DeploymentViewProcessor.sweepInterval(Duration.ofDays(7))).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeploymentViewProcessor.sweepInterval(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(DeploymentViewProcessor.sweepInterval(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    }
}
