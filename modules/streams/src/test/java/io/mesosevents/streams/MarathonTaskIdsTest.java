package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarathonTaskIdsTest {

    @ParameterizedTest
    @CsvSource({
            "prod_web.instance-4f7c2a9e-1111-4c1e-9b7a-2f1d3c4b5a60._app.1, /prod/web, prod_web.marathon-4f7c2a9e-1111-4c1e-9b7a-2f1d3c4b5a60",
            "web.instance-abc._app.12, /web, web.marathon-abc",
            "prod_db.instance-abc.postgres, /prod/db, prod_db.marathon-abc",
            "my.dotted.app.instance-abc._app.1, /my.dotted.app, my.dotted.app.marathon-abc"
    })
    void readsTheAppAndInstanceOfMarathonsTaskIds(String taskId, String appId, String instanceId) {
        assertThat(MarathonTaskIds.appId(taskId)).contains(appId);
        assertThat(MarathonTaskIds.instanceId(taskId)).contains(instanceId);
    }

    @ParameterizedTest
    @CsvSource({"spark-driver-42", "prod_web.4f7c2a9e-1111-4c1e-9b7a-2f1d3c4b5a60", "ct:1700000000000:0:job", "instance-abc"})
    void otherIdsNameNoApp(String taskId) {
        assertThat(MarathonTaskIds.appId(taskId)).isEmpty();
        assertThat(MarathonTaskIds.instanceId(taskId)).isEmpty();
    }
}
