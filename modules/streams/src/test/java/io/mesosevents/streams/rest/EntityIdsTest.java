package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityIdsTest {

    @Test
    void aMarathonIdWithoutItsLeadingSlashIsTriedWithItFirst() {
        assertThat(EntityIds.candidates("eu1/prod/web", true)).containsExactly("eu1//prod/web", "eu1/prod/web");
    }

    @Test
    void aMarathonIdWithItsLeadingSlashIsTakenAsIs() {
        assertThat(EntityIds.candidates("eu1//prod/web", true)).containsExactly("eu1//prod/web");
    }

    @Test
    void otherIdsAreTheKeyItself() {
        assertThat(EntityIds.candidates("eu1/prod_web.instance-1._app.1", false)).containsExactly("eu1/prod_web.instance-1._app.1");
        assertThat(EntityIds.candidates("us1/5e1a-0000/worker", false)).containsExactly("us1/5e1a-0000/worker");
    }

    @Test
    void anIdWithoutClusterIsABadRequestNamingIt() {
        for (String id : new String[] {"web", "/prod/web", "eu1/", "eu 1/web"}) {
            assertThatThrownBy(() -> EntityIds.candidates(id, true)).isInstanceOfSatisfying(ApiError.class, error -> {
                assertThat(error.status()).isEqualTo(400);
                assertThat(error.body()).containsEntry("id", id);
            });
        }
    }
}
