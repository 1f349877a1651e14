package io.mesosevents.cli.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Services started one after the other, closed in the reverse order: what depends on another stops first. */
final class ServiceStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceStack.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <S extends AutoCloseable> S push(S service) {
        started.push(service);
        return service;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
