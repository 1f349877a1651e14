package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.MesosTaskEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances sharing one key store, with HTTPS and basic authentication, against the embedded broker
 * and registry: they forward to and gather from each other over HTTPS with the credentials.
 */
@ExtendWith(DevStackExtension.class)
class TlsAuthTwoInstancesTest {

    private static final String PREFIX = "tls-auth.";
    private static final String USER = "views";
    private static final String PASSWORD = "shared-secret";
    private static final String[] CREDENTIALS = {"Authorization",
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))};

    @TempDir
    static Path dir;

    private static ViewsServer first;
    private static ViewsServer second;
    private static TlsTestClient firstHttps;
    private static TlsTestClient secondHttps;
    private static String firstName;
    private static String secondName;

    @BeforeAll
    static void startTwoSecuredInstances(DevStack stack) throws Exception {
        AvroClassTrust.install();
        TestCluster.createTopics(stack, PREFIX);
        Instant now = Instant.now();
        TestCluster.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, TaskFixtures.addedEvents(now));
        TestCluster.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, TaskFixtures.updateEvents(now));

        Path keyStore = TlsTestStores.selfSigned(dir, "cluster");
        String applicationId = "tls-auth-" + UUID.randomUUID();
        int firstPort = TestCluster.freePort();
        int secondPort = TestCluster.freePort();
        first = ViewsServer.start(TestCluster.instance(stack, applicationId, PREFIX, dir.resolve("first"), firstPort),
                secured(firstPort, keyStore));
        second = ViewsServer.start(TestCluster.instance(stack, applicationId, PREFIX, dir.resolve("second"), secondPort),
                secured(secondPort, keyStore));
        firstHttps = TlsTestClient.https(firstPort, keyStore);
        secondHttps = TlsTestClient.https(secondPort, keyStore);
        firstName = "127.0.0.1:" + firstPort;
        secondName = "127.0.0.1:" + secondPort;

        Eventually.holds(Duration.ofSeconds(60), "both instances ready and reaching each other",
                () -> firstHttps.get("/ready").statusCode() == 200 && secondHttps.get("/ready").statusCode() == 200
                        && firstHttps.get("/api/v1/instances", CREDENTIALS).statusCode() == 200
                        && firstHttps.json("/api/v1/instances", 200, CREDENTIALS).path("data").size() == 2);
        Eventually.holds(Duration.ofSeconds(30), "every task in the views",
                () -> firstHttps.get("/api/v1/tasks?limit=1000", CREDENTIALS).statusCode() == 200
                        && firstHttps.json("/api/v1/tasks?limit=1000", 200, CREDENTIALS).path("data").size() == TaskFixtures.COUNT);
    }

    @AfterAll
    static void stopInstances() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aKeyOwnedByTheOtherInstanceIsAnsweredThroughIt() {
        Set<String> owners = new TreeSet<>();
        for (int i = 0; i < TaskFixtures.COUNT; i++) {
            String path = "/api/v1/tasks/" + TaskFixtures.key(i);
            JsonNode viaFirst = firstHttps.json(path, 200, CREDENTIALS);
            JsonNode viaSecond = secondHttps.json(path, 200, CREDENTIALS);

            assertThat(viaSecond).as("task %s via either instance", TaskFixtures.key(i)).isEqualTo(viaFirst);
            assertThat(viaFirst.path("data").path("taskId").asText()).isEqualTo(TaskFixtures.taskId(i));
            assertThat(viaFirst.path("standby").asBoolean()).as("answered by the owner, not a local standby").isFalse();
            owners.add(viaFirst.path("answeredBy").asText());
        }
        assertThat(owners).as("half the lookups were forwarded over HTTPS").containsExactlyInAnyOrder(firstName, secondName);
    }

    @Test
    void collectionsAreGatheredFromBoth() {
        for (TlsTestClient https : new TlsTestClient[] {firstHttps, secondHttps}) {
            JsonNode page = https.json("/api/v1/tasks?limit=1000", 200, CREDENTIALS);

            assertThat(page.path("data")).hasSize(TaskFixtures.COUNT);
            assertThat(page.path("answeredBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder(firstName, secondName);
        }
        assertThat(firstHttps.json("/api/v1/instances", 200, CREDENTIALS).path("data"))
                .allSatisfy(instance -> assertThat(instance.path("reachable").asBoolean()).as(instance.toString()).isTrue());
    }

    @Test
    void withoutCredentialsNothingIsAnswered() {
        assertThat(firstHttps.get("/api/v1/tasks/" + TaskFixtures.key(0)).statusCode()).isEqualTo(401);
        assertThat(secondHttps.get("/api/v1/tasks?limit=10").statusCode()).isEqualTo(401);
        assertThat(firstHttps.get("/health").statusCode()).isEqualTo(200);
    }

    private static RestConfig secured(int port, Path keyStore) {
        return TestCluster.rest(port).withTls(TlsConfig.withKeyStore(keyStore, TlsTestStores.PASSWORD))
                .withAuth(new AuthConfig.Basic(USER, PASSWORD));
    }
}
