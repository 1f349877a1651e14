package io.mesosevents.simulator.marathon;

/**
 * How a restart replaces an app's instances: at least {@code minimumHealthCapacity} of them stay
 * healthy and at most {@code maximumOverCapacity} more than asked for run, both as fractions of
 * the instance count.
 */
record UpgradeStrategy(double minimumHealthCapacity, double maximumOverCapacity) {
}
