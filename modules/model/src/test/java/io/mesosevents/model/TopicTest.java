package io.mesosevents.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.common.EventMeta;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TopicTest {

    private static final Set<Topic> EVENT_TOPICS = EnumSet.of(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS,
            Topic.MESOS_FRAMEWORK_EVENTS, Topic.MESOS_OTHER_EVENTS, Topic.MARATHON_EVENTS);

    @Test
    void namesAreTheOnesInTheDesign() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::defaultName)).containsExactly(
                "mesos.task-events", "mesos.agent-events", "mesos.framework-events", "mesos.other-events",
                "marathon.events", "ingest.dlq", "state.tasks", "state.apps", "state.agents", "state.frameworks",
                "view.app-health", "view.deployments");
    }

    @Test
    void prefixGoesInFrontOfNameAndSubject() {
        assertThat(Topic.STATE_APPS.name("")).isEqualTo("state.apps");
        assertThat(Topic.STATE_APPS.name("staging.")).isEqualTo("staging.state.apps");
        assertThat(Topic.MARATHON_EVENTS.valueSubject("")).isEqualTo("marathon.events-value");
        assertThat(Topic.MARATHON_EVENTS.valueSubject("staging.")).isEqualTo("staging.marathon.events-value");
    }

    @Test
    void looksUpByNameWithAndWithoutPrefix() {
        assertThat(Topic.byName("view.app-health")).contains(Topic.VIEW_APP_HEALTH);
        assertThat(Topic.byName("staging.", "staging.view.app-health")).contains(Topic.VIEW_APP_HEALTH);
        assertThat(Topic.byName("staging.", "view.app-health")).isEmpty();
        assertThat(Topic.byName("no.such-topic")).isEmpty();
    }

    @Test
    void logsAreDeletedAndTablesCompacted() {
        for (Topic topic : Topic.values()) {
            boolean table = topic.defaultName().startsWith("state.") || topic.defaultName().startsWith("view.");
            assertThat(topic.cleanupPolicy()).as(topic.defaultName())
                    .isEqualTo(table ? CleanupPolicy.COMPACT : CleanupPolicy.DELETE);
        }
        assertThat(CleanupPolicy.COMPACT.configValue()).isEqualTo("compact");
    }

    @Test
    void everyEventRecordCarriesTheEnvelope() {
        for (Topic topic : EVENT_TOPICS) {
            Schema.Field meta = topic.valueSchema().getField("meta");
            assertThat(meta).as(topic.defaultName()).isNotNull();
            assertThat(meta.schema()).isEqualTo(EventMeta.getClassSchema());
        }
    }

    @Test
    void everyTableRecordNamesItsCluster() {
        for (Topic topic : Topic.values()) {
            if (!EVENT_TOPICS.contains(topic)) {
                assertThat(topic.valueSchema().getField("cluster")).as(topic.defaultName()).isNotNull();
            }
        }
    }

    @Test
    void valueSchemasAreKeyedByDefaultNameInOrder() {
        assertThat(Topic.valueSchemas().keySet())
                .containsExactlyElementsOf(Arrays.stream(Topic.values()).map(Topic::defaultName).toList());
        assertThat(Topic.valueSchemas().get("ingest.dlq")).isSameAs(Topic.INGEST_DLQ.valueSchema());
    }
}
