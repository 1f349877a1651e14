package io.mesosevents.simulator.marathon;

/**
 * What a rolling restart does next, from how many instances of each version are up, as
 * Marathon's task replacement decides it: old instances are killed only while enough ready ones
 * (at least {@code minimumHealthCapacity} of the count) remain, and new ones are launched only
 * while no more than {@code 1 + maximumOverCapacity} times the count run. When those two bounds
 * meet, one instance more may run, or nothing could ever move.
 *
 * @param launch  new instances to launch now
 * @param killOld old instances to kill now (those not ready first)
 */
record UpgradePlan(int launch, int killOld) {

    /**
     * @param instances   the count the app asks for
     * @param oldReady    old-version instances running and healthy
     * @param oldNotReady old-version instances still starting or unhealthy
     * @param newTotal    new-version instances in any state
     * @param newReady    of those, the running and healthy ones
     */
    static UpgradePlan next(int instances, UpgradeStrategy strategy, int oldReady, int oldNotReady, int newTotal,
                            int newReady) {
        int minHealthy = (int) Math.ceil(instances * strategy.minimumHealthCapacity());
        int maxCapacity = (int) Math.floor(instances * (1 + strategy.maximumOverCapacity()) + 1e-9);
        if (maxCapacity <= minHealthy) {
            maxCapacity = minHealthy + 1;
        }
        int killReady = Math.max(0, Math.min(oldReady, oldReady + newReady - minHealthy));
        int killOld = oldNotReady + killReady;
        int oldLeft = oldReady + oldNotReady - killOld;
        int launch = Math.max(0, Math.min(instances - newTotal, maxCapacity - oldLeft - newTotal));
        return new UpgradePlan(launch, killOld);
    }
}
