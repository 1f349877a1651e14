package io.mesosevents.streams.app;

import io.mesosevents.streams.ViewStores;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TaskMetadata;

/**
 * The store partitions this instance holds right now, as active and as standby.
 *
 * @param stores          the stores the topology has
 * @param threadMetadata  Kafka Streams' view of its local threads ({@code metadataForLocalThreads()})
 */
public record LocalAssignment(ServedStores stores, Set<ThreadMetadata> threadMetadata) {

    public LocalAssignment {
        threadMetadata = Set.copyOf(threadMetadata);
    }

    /** Partitions of {@code store} whose active task runs here (restoring ones included). */
    public SortedSet<Integer> active(ViewStores store) {
        SortedSet<Integer> partitions = new TreeSet<>();
        stores.subtopology(store).ifPresent(subtopology -> threadMetadata.forEach(thread ->
                collect(thread.activeTasks(), subtopology, partitions)));
        return partitions;
    }

    /** Partitions of {@code store} of which this instance keeps a standby copy. */
    public SortedSet<Integer> standby(ViewStores store) {
        SortedSet<Integer> partitions = new TreeSet<>();
        stores.subtopology(store).ifPresent(subtopology -> threadMetadata.forEach(thread ->
                collect(thread.standbyTasks(), subtopology, partitions)));
        return partitions;
    }

    private static void collect(Set<TaskMetadata> tasks, int subtopology, Set<Integer> into) {
        for (TaskMetadata task : tasks) {
            if (task.taskId().subtopology() == subtopology) {
                into.add(task.taskId().partition());
            }
        }
    }
}
