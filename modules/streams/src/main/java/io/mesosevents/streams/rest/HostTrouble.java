package io.mesosevents.streams.rest;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs that another instance could not answer, one line at most every {@link #QUIET} per instance:
 * while an instance is down every request that would go to it notices, and one line says it.
 */
final class HostTrouble {

    static final Duration QUIET = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(HostTrouble.class);

    private final ConcurrentMap<HostInfo, Long> lastLogged = new ConcurrentHashMap<>();

    void report(HostInfo host, String what, String reason) {
        long now = System.nanoTime();
        Long previous = lastLogged.get(host);
        if (previous == null || now - previous > QUIET.toNanos()) {
            lastLogged.put(host, now);
            log.info("Instance {}:{} could not answer {}: {}; asking the next copy", host.host(), host.port(), what, reason);
        }
    }
}
