package io.mesosevents.mesos;

import io.mesosevents.client.BackoffPolicy;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Leader detection against a real ZooKeeper server, laid out as Mesos masters lay it out. */
class ZooKeeperLeaderLocatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;
    private ServerCnxnFactory server;
    private ZooKeeper zk;

    @BeforeEach
    void startZooKeeper() throws Exception {
        server = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 16);
        server.startup(new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), 500));
        CountDownLatch connected = new CountDownLatch(1);
        zk = new ZooKeeper(servers(), (int) TIMEOUT.toMillis(), event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
        zk.create("/mesos", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/mesos/log_replicas", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        zk.close();
        server.shutdown();
    }

    private String servers() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private List<URI> locate(String url) throws Exception {
        return new ZooKeeperLeaderLocator(URI.create(url), TIMEOUT, "http").candidates();
    }

    private void contender(String znode, String json) throws Exception {
        zk.create("/mesos/" + znode, json.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    /** MasterInfo JSON the way a Mesos master writes it into its znode. */
    private static String masterInfo(String hostname, int port) {
        return "{\"address\":{\"hostname\":\"" + hostname + "\",\"ip\":\"127.0.0.1\",\"port\":" + port + "},"
                + "\"hostname\":\"" + hostname + "\",\"id\":\"" + hostname + "-id\",\"ip\":16777343,"
                + "\"pid\":\"master@127.0.0.1:" + port + "\",\"port\":" + port + ",\"version\":\"1.11.0\","
                + "\"capabilities\":[{\"type\":\"AGENT_UPDATE\"},{\"type\":\"SOME_FUTURE_CAPABILITY\"}]}";
    }

    @Test
    void theContenderWithTheLowestSequenceLeads() throws Exception {
        contender("json.info_0000000007", masterInfo("standby", 5050));
        contender("json.info_0000000003", masterInfo("leader", 5051));
        contender("json.info_0000000012", masterInfo("other", 5050));

        assertThat(locate("zk://" + servers() + "/mesos")).containsExactly(URI.create("http://leader:5051"));
    }

    @Test
    void theFirstSequentialContenderLeads() throws Exception {
        zk.create("/mesos/json.info_", masterInfo("first", 5050).getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        zk.create("/mesos/json.info_", masterInfo("second", 5050).getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);

        assertThat(locate("zk://" + servers() + "/mesos")).containsExactly(URI.create("http://first:5050"));
    }

    @Test
    void usesTheAddressIpWhenTheAddressHasNoHostname() throws Exception {
        contender("json.info_0000000001", "{\"id\":\"m\",\"ip\":16777343,\"port\":5050,\"address\":{\"ip\":\"10.0.0.7\",\"port\":5052}}");

        assertThat(locate("zk://" + servers() + "/mesos")).containsExactly(URI.create("http://10.0.0.7:5052"));
    }

    @Test
    void usesTheTopLevelHostnameAndPortWithoutAnAddress() throws Exception {
        contender("json.info_0000000001", "{\"id\":\"m\",\"ip\":16777343,\"hostname\":\"old-master\",\"port\":5053}");

        assertThat(locate("zk://" + servers())).as("the path defaults to /mesos").containsExactly(URI.create("http://old-master:5053"));
    }

    @Test
    void failsClearlyWhenNoMasterIsRegistered() {
        assertThatThrownBy(() -> locate("zk://" + servers() + "/mesos"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No Mesos master is registered under /mesos");
    }

    @Test
    void failsClearlyWhenZooKeeperIsUnreachable() throws Exception {
        String unreachable = servers();
        server.shutdown();

        assertThatThrownBy(() -> new ZooKeeperLeaderLocator(URI.create("zk://" + unreachable + "/mesos"), Duration.ofMillis(300), "http").candidates())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No ZooKeeper server of " + unreachable + " answered");
    }

    @Test
    void theSubscriberRereadsTheLeaderOnEveryReconnect() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        CountDownLatch failedOver = new CountDownLatch(1);
        try (FakeMaster first = FakeMaster.start();
             FakeMaster second = FakeMaster.start()) {
            byte[] subscribed = Events.framed(MesosEncoding.PROTOBUF, Events.subscribed(15));
            first.then((exchange, closing) -> {
                exchange.getResponseHeaders().add("Content-Type", MesosEncoding.PROTOBUF.mediaType());
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(subscribed);
                exchange.getResponseBody().flush();
                failedOver.await(5, TimeUnit.SECONDS); // then the stream ends, as when a leader dies
            });
            second.then(FakeMaster.streamThenStall(MesosEncoding.PROTOBUF, List.of(subscribed)));
            contender("json.info_0000000001", masterInfo("127.0.0.1", first.url().getPort()));

            try (MesosSubscriber subscriber = new MesosSubscriber(
                    MesosClientConfig.forMasters(List.of(URI.create("zk://" + servers() + "/mesos")))
                            .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60))),
                    handler)) {
                subscriber.start();

                assertThat(handler.next(RecordingHandler.Connected.class).session().master()).isEqualTo(first.url());
                handler.nextEvent(Event.Type.SUBSCRIBED);
                zk.delete("/mesos/json.info_0000000001", -1);
                contender("json.info_0000000002", masterInfo("127.0.0.1", second.url().getPort()));
                failedOver.countDown();

                handler.next(RecordingHandler.Disconnected.class);
                assertThat(handler.next(RecordingHandler.Connected.class).session().master()).isEqualTo(second.url());
                handler.nextEvent(Event.Type.SUBSCRIBED);
            }
        }
    }
}
