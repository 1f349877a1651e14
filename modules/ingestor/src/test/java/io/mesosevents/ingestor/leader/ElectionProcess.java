package io.mesosevents.ingestor.leader;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * One replica in a JVM of its own, run by {@link ReplicaProcess}. Arguments: bootstrap servers,
 * group id, topic, session timeout in milliseconds. Prints every leadership call on a line of its
 * own, and runs until it is killed or its parent goes away (its stdin closes).
 */
public final class ElectionProcess {

    static final String LINE_PREFIX = "leadership: ";

    private ElectionProcess() {
    }

    public static void main(String[] args) throws IOException {
        Duration sessionTimeout = Duration.ofMillis(Long.parseLong(args[3]));
        LeaderElectionConfig config = new LeaderElectionConfig(Map.of("bootstrap.servers", args[0]), args[1], args[2],
                sessionTimeout, sessionTimeout, sessionTimeout);
        LeaderElection.start(config, new LeadershipListener() {
            @Override
            public void elected() {
                System.out.println(LINE_PREFIX + RecordingListener.ELECTED);
            }

            @Override
            public void revoked() {
                System.out.println(LINE_PREFIX + RecordingListener.REVOKED);
            }
        });
        // A test run that dies without killing this process must not leave it behind.
        System.in.transferTo(OutputStream.nullOutputStream());
        System.exit(0);
    }
}
