package io.mesosevents.mesos;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.client.TrustStore;
import io.mesosevents.mesos.recordio.RecordIoDecoder;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a {@link MesosSubscriber}. Start from {@link #forMasters(List)} (all defaults)
 * and change what differs with the {@code with…} methods.
 *
 * @param masters          either one or more master base URLs ({@code http(s)://host:port}, tried in
 *                         order), or a single {@code zk://host:port[,host:port]/path} URL whose
 *                         leader is read from ZooKeeper on every (re)connect (path defaults to {@code /mesos})
 * @param encoding         the subscription encoding (default {@link MesosEncoding#PROTOBUF})
 * @param basicAuth        credentials sent with every request (default none)
 * @param trustStore       certificates to trust for {@code https} masters (default: the JVM's)
 * @param connectTimeout   TCP/TLS connect timeout, also the ZooKeeper connect timeout (default 10 s)
 * @param firstByteTimeout how long the master may stay silent until the {@code SUBSCRIBED} event:
 *                         for the response headers and between reads of the snapshot (default 30 s)
 * @param heartbeatMisses  after {@code SUBSCRIBED}, the stream is declared dead when no bytes arrive
 *                         for this many heartbeat intervals (default 5)
 * @param backoff          delays between attempts (default {@link BackoffPolicy#DEFAULT})
 * @param maxRecordSize    largest RecordIO record accepted, in bytes (default
 *                         {@link RecordIoDecoder#DEFAULT_MAX_RECORD_SIZE}, 512 MiB)
 * @param zkLeaderScheme   scheme for a leader found in ZooKeeper, whose MasterInfo names no scheme
 *                         (default {@code http})
 */
public record MesosClientConfig(
        List<URI> masters,
        MesosEncoding encoding,
        Optional<BasicAuth> basicAuth,
        Optional<TrustStore> trustStore,
        Duration connectTimeout,
        Duration firstByteTimeout,
        int heartbeatMisses,
        BackoffPolicy backoff,
        int maxRecordSize,
        String zkLeaderScheme) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_HEARTBEAT_MISSES = 5;
    public static final String DEFAULT_ZK_LEADER_SCHEME = "http";

    public MesosClientConfig {
        masters = List.copyOf(masters);
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(basicAuth, "basicAuth");
        Objects.requireNonNull(trustStore, "trustStore");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(firstByteTimeout, "firstByteTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(zkLeaderScheme, "zkLeaderScheme");
        validateMasters(masters);
        if (heartbeatMisses < 1) {
            throw new IllegalArgumentException("heartbeatMisses must be at least 1: " + heartbeatMisses);
        }
        if (maxRecordSize < 1) {
            throw new IllegalArgumentException("maxRecordSize must be positive: " + maxRecordSize);
        }
        if (!isHttp(zkLeaderScheme)) {
            throw new IllegalArgumentException("zkLeaderScheme must be http or https: " + zkLeaderScheme);
        }
    }

    /** All defaults for these masters. */
    public static MesosClientConfig forMasters(List<URI> masters) {
        return new MesosClientConfig(masters, MesosEncoding.PROTOBUF, Optional.empty(), Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_FIRST_BYTE_TIMEOUT, DEFAULT_HEARTBEAT_MISSES, BackoffPolicy.DEFAULT,
                RecordIoDecoder.DEFAULT_MAX_RECORD_SIZE, DEFAULT_ZK_LEADER_SCHEME);
    }

    /**
     * Masters as a command line gives them: {@code zk://h1:2181,h2:2181/mesos} as one URL (its
     * commas separate ZooKeeper servers), anything else as comma-separated master URLs.
     */
    public static List<URI> parseMasters(String masters) {
        String trimmed = masters.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("zk://")) {
            return List.of(URI.create(trimmed));
        }
        return Arrays.stream(trimmed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
    }

    public MesosClientConfig withEncoding(MesosEncoding encoding) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withBasicAuth(BasicAuth basicAuth) {
        return new MesosClientConfig(masters, encoding, Optional.of(basicAuth), trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withTrustStore(TrustStore trustStore) {
        return new MesosClientConfig(masters, encoding, basicAuth, Optional.of(trustStore), connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withConnectTimeout(Duration connectTimeout) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withFirstByteTimeout(Duration firstByteTimeout) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withHeartbeatMisses(int heartbeatMisses) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withBackoff(BackoffPolicy backoff) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withMaxRecordSize(int maxRecordSize) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    public MesosClientConfig withZkLeaderScheme(String zkLeaderScheme) {
        return new MesosClientConfig(masters, encoding, basicAuth, trustStore, connectTimeout, firstByteTimeout,
                heartbeatMisses, backoff, maxRecordSize, zkLeaderScheme);
    }

    private static void validateMasters(List<URI> masters) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("At least one Mesos master URL is needed");
        }
        boolean anyZooKeeper = masters.stream().anyMatch(MesosClientConfig::isZooKeeper);
        if (anyZooKeeper && masters.size() > 1) {
            throw new IllegalArgumentException("A zk:// URL names the masters alone; it cannot be mixed with others: " + masters);
        }
        for (URI master : masters) {
            if (!isZooKeeper(master) && (!isHttp(master.getScheme()) || master.getHost() == null)) {
                throw new IllegalArgumentException("A Mesos master is an http(s)://host:port or zk://host:port/path URL: " + master);
            }
        }
    }

    static boolean isZooKeeper(URI uri) {
        return "zk".equalsIgnoreCase(uri.getScheme());
    }

    private static boolean isHttp(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
