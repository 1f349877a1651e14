package io.mesosevents.replay.rebuild;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Refuses a rebuild while a views application that writes the same output topics is running.
 * The views write {@code state.*} and {@code view.*} under the topic prefix they read from, so a
 * rebuild beside a live {@code serve} would interleave two writers on those compacted topics.
 * Running instances are the members of the application's consumer group.
 */
final class GroupGuard {

    private final Admin admin;

    GroupGuard(Admin admin) {
        this.admin = admin;
    }

    /** Throws a {@link RebuildException} naming {@code groupId} and its members when it has any. */
    void requireIdle(String groupId, String role) throws InterruptedException {
        List<MemberDescription> members = members(groupId);
        if (!members.isEmpty()) {
            String who = members.stream().map(member -> member.clientId() + " on " + member.host()).distinct().sorted()
                    .collect(Collectors.joining(", "));
            throw new RebuildException("The " + role + " views application '" + groupId + "' is running: its consumer group '"
                    + groupId + "' has " + members.size() + " active member(s) (" + who + "). A rebuild writes the same "
                    + "state.* and view.* topics, so stop every 'serve' of '" + groupId + "' first, then run the rebuild, "
                    + "then start 'serve --application-id' with the new id.");
        }
    }

    private List<MemberDescription> members(String groupId) throws InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get();
            return List.copyOf(group.members());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw new RebuildException("Cannot describe the consumer group '" + groupId + "': " + e.getCause().getMessage(), e.getCause());
        }
    }
}
