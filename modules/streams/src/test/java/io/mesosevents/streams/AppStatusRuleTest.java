package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.state.AppStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@link AppStatusRule}, and which one wins when several hold. */
class AppStatusRuleTest {

    @ParameterizedTest(name = "desired={0} staged={1} running={2} deployments={3} failures={4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            "3, 0, 3, 0, 0, RUNNING",
            "3, 1, 2, 0, 0, RUNNING",
            "3, 0, 1, 0, 0, WAITING",
            "0, 0, 0, 0, 0, SUSPENDED",
            "0, 0, 2, 1, 0, DEPLOYING",
            "3, 0, 1, 1, 0, DEPLOYING",
            "3, 0, 1, 0, 3, DELAYED",
            "3, 0, 1, 1, 3, DELAYED",
            "3, 0, 1, 0, 2, WAITING",
            "3, 0, 3, 0, 5, RUNNING",
            "null, 0, 1, 0, 0, RUNNING",
            "null, 2, 0, 0, 0, WAITING",
            "null, 0, 0, 0, 0, SUSPENDED"
    })
    void firstRuleThatHoldsWins(Integer desired, int staged, int running, int deployments, int failures,
                                AppStatus expected) {
        assertThat(AppStatusRule.of(desired, staged, running, deployments, failures)).isEqualTo(expected);
    }
}
