package io.mesosevents.simulator.marathon;

import java.util.Objects;

/**
 * How the simulated Marathon answers, and the leader's {@code host:port} when it is a standby.
 *
 * @param leader the leader's {@code host:port} when {@code mode} is {@link LeaderMode#STANDBY}, else null
 */
record LeaderState(LeaderMode mode, String leader) {

    static final LeaderState LEADING = new LeaderState(LeaderMode.LEADING, null);
    static final LeaderState NO_LEADER = new LeaderState(LeaderMode.NO_LEADER, null);

    LeaderState {
        Objects.requireNonNull(mode, "mode");
        if ((mode == LeaderMode.STANDBY) != (leader != null)) {
            throw new IllegalArgumentException("A leader address goes with STANDBY and only with it");
        }
    }

    static LeaderState standby(String leader) {
        if (leader.isBlank() || leader.contains("/") || !leader.contains(":")) {
            throw new IllegalArgumentException("The leader must be given as host:port, was '" + leader + "'");
        }
        return new LeaderState(LeaderMode.STANDBY, leader);
    }
}
