package io.mesosevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppOrigin;
import io.mesosevents.model.state.AppStatus;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.TaskFailure;
import io.mesosevents.registry.serde.AvroSerdes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the example against a real broker and registry: rows written with the project's serializer,
 * as the views write them, must come out of the example decoded field for field.
 */
@ExtendWith(DevStackExtension.class)
class AppStateConsumerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.250Z");

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @Test
    void printsTheDecodedStatusAndCountsOfEveryApp(DevStack stack) throws Exception {
        // The stack is shared by the test run: a topic of this test's own.
        String topic = "examples-" + UUID.randomUUID() + ".state.apps";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        AppView webBefore = web(2, 1).build();
        AppView web = web(3, 0).setUpdatedAt(T0.plusSeconds(30)).build();
        AppView batch = AppView.newBuilder().setCluster("eu1").setAppId("/batch/report").setOrigin(AppOrigin.MARATHON)
                .setDesiredInstances(2).setStaged(1).setRunning(1).setStatus(AppStatus.DEPLOYING)
                .setDeployments(List.of("5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43")).setUpdatedAt(T0).build();
        AppView sparkJob = AppView.newBuilder().setCluster("eu1").setAppId("fw-1/sparkjob").setOrigin(AppOrigin.MESOS)
                .setFrameworkId("fw-1").setRunning(1).setStatus(AppStatus.RUNNING).setUpdatedAt(T0).build();
        AppView gone = AppView.newBuilder().setCluster("eu1").setAppId("/old/app").setStatus(AppStatus.SUSPENDED)
                .setDesiredInstances(0).setUpdatedAt(T0).build();
        try (KafkaProducer<String, AppView> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), AvroSerdes.specific(AppView.class, stack.clientProperties(), false).serializer())) {
            producer.send(new ProducerRecord<>(topic, "eu1//prod/web", webBefore));
            producer.send(new ProducerRecord<>(topic, "eu1//batch/report", batch));
            producer.send(new ProducerRecord<>(topic, "eu1/fw-1/sparkjob", sparkJob));
            producer.send(new ProducerRecord<>(topic, "eu1//old/app", gone));
            producer.send(new ProducerRecord<>(topic, "eu1//prod/web", web));
            producer.send(new ProducerRecord<>(topic, "eu1//old/app", null)); // the tombstone of a destroyed app
            producer.flush();
        }

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AppStateConsumer example = AppStateConsumer.open(stack.clientProperties(), topic,
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!example.caughtUp() && System.nanoTime() < deadline) {
                example.pollOnce(Duration.ofMillis(200));
            }
            assertThat(example.caughtUp()).as("read the topic to its end within 60 s").isTrue();
            assertThat(example.skipped()).as("undecodable records").isZero();

            // Field for field, nested record, enums and timestamp included: the latest row of every key survives.
            assertThat(example.table().rows()).containsOnlyKeys("eu1//prod/web", "eu1//batch/report", "eu1/fw-1/sparkjob");
            assertThat(example.table().get("eu1//prod/web")).contains(web);
            assertThat(example.table().get("eu1//batch/report")).contains(batch);
            assertThat(example.table().get("eu1/fw-1/sparkjob")).contains(sparkJob);
            assertThat(example.table().countByStatus()).containsExactly(
                    Map.entry(AppStatus.RUNNING, 2), Map.entry(AppStatus.DEPLOYING, 1));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "eu1//prod/web RUNNING running 3/3 healthy 2 unhealthy 1 staged 0 failed 1\n",
                "eu1//prod/web RUNNING running 3/3 healthy 3 unhealthy 0 staged 0 failed 1\n",
                "eu1//batch/report DEPLOYING running 1/2 healthy 0 unhealthy 0 staged 1 failed 0\n",
                "eu1/fw-1/sparkjob RUNNING running 1/? healthy 0 unhealthy 0 staged 0 failed 0\n",
                "eu1//old/app SUSPENDED running 0/0 healthy 0 unhealthy 0 staged 0 failed 0\n",
                "eu1//old/app deleted\n",
                "caught up: 3 apps, 2 RUNNING, 1 DEPLOYING; tasks: 5 running (3 healthy, 0 unhealthy), 1 staged, 1 failed\n");
    }

    private static AppView.Builder web(int healthy, int unhealthy) {
        return AppView.newBuilder().setCluster("eu1").setAppId("/prod/web").setOrigin(AppOrigin.MARATHON)
                .setFrameworkId("marathon-fw").setDesiredInstances(3).setVersion("2026-03-01T11:58:00.000Z")
                .setRunning(3).setHealthy(healthy).setUnhealthy(unhealthy).setFailed(1).setStatus(AppStatus.RUNNING)
                .setLastTaskFailure(TaskFailure.newBuilder().setTaskId("prod_web.instance-7a1e._app.1")
                        .setState(TaskState.TASK_FAILED).setMessage("Command exited with status 1")
                        .setHost("agent-3.example").setTimestamp(T0.minusSeconds(60)).build())
                .setUpdatedAt(T0);
    }
}
