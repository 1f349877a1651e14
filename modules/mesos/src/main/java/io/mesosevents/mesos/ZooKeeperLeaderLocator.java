package io.mesosevents.mesos;

import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.common.PathUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Reads the leading master from ZooKeeper, where Mesos masters contend for leadership: each one
 * holds an ephemeral sequential znode {@code <path>/json.info_<seq>} whose content is its
 * {@code MasterInfo} as JSON, and the lowest sequence number leads.
 *
 * <p>Every lookup opens its own short ZooKeeper session: lookups happen only on (re)connect, and
 * a fresh read there is exactly what is wanted, with no watch state to keep right.
 */
final class ZooKeeperLeaderLocator implements MasterLocator {

    private static final String DEFAULT_PATH = "/mesos";
    private static final String LEADER_PREFIX = "json.info_";
    private static final Pattern CONTENDER = Pattern.compile(Pattern.quote(LEADER_PREFIX) + "\\d+");

    private final String servers;
    private final String path;
    private final Duration timeout;
    private final String scheme;

    /**
     * @param url     {@code zk://host:port[,host:port]/path}
     * @param timeout for connecting to ZooKeeper and as its session timeout
     * @param scheme  {@code http} or {@code https} for the leader's URL
     */
    ZooKeeperLeaderLocator(URI url, Duration timeout, String scheme) {
        if (url.getRawAuthority() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Expected zk://host:port[,host:port]/path (no credentials): " + url);
        }
        String urlPath = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        this.servers = url.getRawAuthority();
        this.path = urlPath.isEmpty() ? DEFAULT_PATH : urlPath;
        PathUtils.validatePath(path);
        this.timeout = timeout;
        this.scheme = scheme;
    }

    @Override
    public List<URI> candidates() throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(servers, (int) timeout.toMillis(), event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("No ZooKeeper server of " + servers + " answered within " + timeout.toMillis() + " ms");
            }
            String leader = zk.getChildren(path, false).stream()
                    .filter(child -> CONTENDER.matcher(child).matches())
                    .min(Comparator.comparingLong(ZooKeeperLeaderLocator::sequence))
                    .orElseThrow(() -> new IOException("No Mesos master is registered under " + path + " in ZooKeeper " + servers));
            byte[] info = zk.getData(path + "/" + leader, false, null);
            return List.of(leaderUrl(leader, info));
        } catch (KeeperException e) {
            throw new IOException("ZooKeeper " + servers + ": " + e.getMessage(), e);
        } finally {
            zk.close();
        }
    }

    private URI leaderUrl(String znode, byte[] json) throws IOException {
        MasterInfo.Builder info = MesosEncoding.JSON.decode(json, MasterInfo.newBuilder());
        String host = info.getAddress().getHostname();
        if (host.isEmpty()) {
            host = info.getAddress().getIp();
        }
        if (host.isEmpty()) {
            host = info.getHostname();
        }
        if (host.isEmpty()) {
            throw new IOException("The MasterInfo of leader " + path + "/" + znode + " names no host");
        }
        // MasterInfo.port defaults to 5050 in the proto itself.
        int port = info.getAddress().hasPort() ? info.getAddress().getPort() : info.getPort();
        try {
            // This constructor brackets an IPv6 literal and rejects what is no host name.
            return new URI(scheme, null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IOException("The MasterInfo of leader " + path + "/" + znode + " names an unusable address: " + e.getMessage(), e);
        }
    }

    private static long sequence(String contender) {
        return Long.parseLong(contender.substring(LEADER_PREFIX.length()));
    }
}
