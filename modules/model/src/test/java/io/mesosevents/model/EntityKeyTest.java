package io.mesosevents.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntityKeyTest {

    @Test
    void marathonIdKeepsItsLeadingSlash() {
        EntityKey key = new EntityKey("eu1", "/prod/web");
        assertThat(key.encode()).isEqualTo("eu1//prod/web");
        assertThat(EntityKey.parse("eu1//prod/web")).isEqualTo(key);
    }

    @Test
    void mesosIdRoundTrips() {
        String taskId = "prod_web.instance-6a3c1b2e-5f0a-11e9-8647-d663bd873d93._app.1";
        EntityKey key = new EntityKey("us-east.2", taskId);
        assertThat(key.encode()).isEqualTo("us-east.2/" + taskId);
        assertThat(EntityKey.parse(key.encode()).id()).isEqualTo(taskId);
        assertThat(key).hasToString(key.encode());
    }

    @Test
    void sameIdInTwoClustersGivesTwoKeys() {
        assertThat(new EntityKey("a", "x").encode()).isNotEqualTo(new EntityKey("b", "x").encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eu/1", "eu 1", "eu:1", "zürich"})
    void rejectsClusterNamesThatCouldBreakTheFormat(String cluster) {
        assertThatThrownBy(() -> new EntityKey(cluster, "id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityKey.requireValidCluster(cluster)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTypicalClusterNames() {
        assertThat(EntityKey.requireValidCluster("prod-eu_1.dc2")).isEqualTo("prod-eu_1.dc2");
    }

    @Test
    void rejectsEmptyIdsAndKeysWithoutSeparator() {
        assertThatThrownBy(() -> new EntityKey("eu1", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityKey.parse("eu1/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityKey.parse("eu1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eu1");
    }

    @Test
    void tellsEntityKeysFromBareClusterNames() {
        assertThat(EntityKey.isEntityKey("eu1//prod/web")).isTrue();
        assertThat(EntityKey.isEntityKey("eu1/task-1")).isTrue();
        assertThat(EntityKey.isEntityKey("eu1")).isFalse();
        assertThat(EntityKey.isEntityKey("eu1/")).isFalse();
        assertThat(EntityKey.isEntityKey("/task-1")).isFalse();
    }
}
