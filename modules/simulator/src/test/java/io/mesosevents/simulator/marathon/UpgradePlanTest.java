package io.mesosevents.simulator.marathon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rolling restart keeps the upgrade strategy's bounds and always moves. */
class UpgradePlanTest {

    @Test
    void fullHealthCapacityWithoutOverCapacityStartsOneExtraInstanceAndKillsOnlyWhenANewOneIsReady() {
        UpgradeStrategy strict = new UpgradeStrategy(1, 0);
        assertThat(UpgradePlan.next(4, strict, 4, 0, 0, 0)).isEqualTo(new UpgradePlan(1, 0));
        assertThat(UpgradePlan.next(4, strict, 4, 0, 1, 0)).as("new one not ready yet").isEqualTo(new UpgradePlan(0, 0));
        assertThat(UpgradePlan.next(4, strict, 4, 0, 1, 1)).isEqualTo(new UpgradePlan(1, 1));
        assertThat(UpgradePlan.next(4, strict, 0, 0, 4, 4)).isEqualTo(new UpgradePlan(0, 0));
    }

    @Test
    void halfHealthCapacityReplacesHalfAtOnce() {
        assertThat(UpgradePlan.next(4, new UpgradeStrategy(0.5, 0), 4, 0, 0, 0)).isEqualTo(new UpgradePlan(2, 2));
    }

    @Test
    void overCapacityStartsEveryNewInstanceBeforeKillingOldOnes() {
        assertThat(UpgradePlan.next(4, new UpgradeStrategy(1, 1), 4, 0, 0, 0)).isEqualTo(new UpgradePlan(4, 0));
    }

    @Test
    void zeroCapacityReplacesEverythingAtOnce() {
        assertThat(UpgradePlan.next(3, new UpgradeStrategy(0, 0), 3, 0, 0, 0)).isEqualTo(new UpgradePlan(3, 3));
    }

    @Test
    void oldInstancesThatAreNotReadyGoFirstAndDoNotCountTowardsHealth() {
        // 3 of 4 old ones healthy, the fourth failing its checks: it goes at once, the healthy ones stay.
        assertThat(UpgradePlan.next(4, new UpgradeStrategy(0.75, 0), 3, 1, 0, 0)).isEqualTo(new UpgradePlan(1, 1));
    }

    @Test
    void scalingToZeroKillsEveryOldInstance() {
        assertThat(UpgradePlan.next(0, new UpgradeStrategy(1, 0), 2, 1, 0, 0)).isEqualTo(new UpgradePlan(0, 3));
    }
}
