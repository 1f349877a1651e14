package io.mesosevents.cli.docs;

import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.Topic;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The topic configs {@link TopicProvisioner} sets when it creates a topic: the cleanup policy of
 * every topic, and a larger {@code max.message.bytes} for the topics that carry big records.
 *
 * <p>Which topics get the larger limit is a private detail of the provisioner, so it is read
 * reflectively: a renamed field fails the reference test loudly instead of letting the document
 * drift. A public accessor on the provisioner would make this class a one-liner.
 */
final class TopicCreationConfigs {

    private static final String LARGE_RECORD_TOPICS_FIELD = "LARGE_RECORD_TOPICS";

    private final Set<Topic> largeRecordTopics;

    private TopicCreationConfigs(Set<Topic> largeRecordTopics) {
        this.largeRecordTopics = Set.copyOf(largeRecordTopics);
    }

    static TopicCreationConfigs read() {
        try {
            Field field = TopicProvisioner.class.getDeclaredField(LARGE_RECORD_TOPICS_FIELD);
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Set<Topic> topics = (Set<Topic>) field.get(null);
            return new TopicCreationConfigs(topics);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Cannot read TopicProvisioner." + LARGE_RECORD_TOPICS_FIELD
                    + "; update " + TopicCreationConfigs.class.getSimpleName() + " to how the provisioner now decides its topic configs", e);
        }
    }

    /** Topic config name → value, in the order an operator would check them. */
    Map<String, String> of(Topic topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", topic.cleanupPolicy().configValue());
        if (largeRecordTopics.contains(topic)) {
            configs.put("max.message.bytes", Integer.toString(TopicProvisioner.LARGE_RECORD_BYTES));
        }
        return configs;
    }
}
