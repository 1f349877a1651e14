package io.mesosevents.bench;

import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The simulated master of the stream measurement, started after its subscriber. The simulator
 * makes events from the moment it starts, and whatever it makes before a subscriber arrives is
 * folded into that subscriber's snapshot instead of streamed; so the subscriber is started first,
 * pointed at a port chosen here, and retrying (see {@link ChildMesosClient#awaitFirstRefusal}),
 * and the master then listens on that port.
 */
final class SimulatedMaster {

    private final int port;

    private SimulatedMaster(int port) {
        this.port = port;
    }

    /** A master to be started on a port that is free now. */
    static SimulatedMaster onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new SimulatedMaster(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the simulated master", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts a master that makes {@code events} events at {@code rate} a second and can queue all
     * of them for a subscriber that lags, rather than cut it off.
     */
    MesosMasterSimulator start(long events, long rate) {
        return MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withHost("127.0.0.1").withPort(port)
                .withRate(rate).withMaxEvents(events)
                .withSubscriberQueueLimit(Math.toIntExact(events) + MesosSimulatorConfig.DEFAULT_SUBSCRIBER_QUEUE_LIMIT));
    }

    /** Waits for the master to have made {@code events} events; returns how long that took from {@code startedNanos}. */
    static Throughput awaitMade(MesosMasterSimulator master, long events, long startedNanos, Duration timeout)
            throws InterruptedException {
        if (!master.awaitEventsEmitted(events, timeout)) {
            throw new IllegalStateException("The simulator made only " + master.eventsEmitted() + " of " + events
                    + " events within " + timeout.toSeconds() + " s");
        }
        return new Throughput(events, System.nanoTime() - startedNanos);
    }
}
