package io.mesosevents.bench;

import io.mesosevents.model.Topic;

import java.util.List;
import java.util.Map;

/**
 * What was pre-produced for the views suite.
 *
 * @param records  records written per topic
 * @param taskKeys every task's key ({@code <cluster>/<task id>}), in launch order
 * @param apps     Marathon apps
 * @param agents   Mesos agents
 */
record ViewsInput(Map<Topic, Long> records, List<String> taskKeys, int apps, int agents) {

    ViewsInput {
        records = Map.copyOf(records);
        taskKeys = List.copyOf(taskKeys);
    }

    long total() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    long of(Topic topic) {
        return records.getOrDefault(topic, 0L);
    }
}
