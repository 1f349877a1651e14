package io.mesosevents.simulator.mesos;

import java.util.Objects;

/**
 * Whether the master leads and, when it follows, the leader's {@code host:port}.
 *
 * @param leader the leader's {@code host:port} when {@code leadership} is {@link Leadership#FOLLOWING}, else null
 */
record LeaderState(Leadership leadership, String leader) {

    static final LeaderState LEADING = new LeaderState(Leadership.LEADING, null);
    static final LeaderState NO_LEADER = new LeaderState(Leadership.NO_LEADER, null);

    LeaderState {
        Objects.requireNonNull(leadership, "leadership");
        if ((leadership == Leadership.FOLLOWING) != (leader != null)) {
            throw new IllegalArgumentException("A leader address goes with FOLLOWING and only with it");
        }
    }

    static LeaderState following(String leader) {
        if (leader.isBlank() || leader.contains("/")) {
            throw new IllegalArgumentException("The leader must be given as host:port, was '" + leader + "'");
        }
        return new LeaderState(Leadership.FOLLOWING, leader);
    }
}
