package io.mesosevents.simulator.mesos;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One master of a simulated cluster as clients reach it: its own port, serving the Operator API
 * and the control endpoints (faults, external schedulers) over the model all the cluster's masters share. Whether it serves,
 * redirects or answers 503 is the cluster's election's to say.
 */
public final class MasterFrontEnd {

    /** A subscriber stalled on purpose must be cut off by its own watchdog, not by Jetty's 30 s default. */
    private static final long IDLE_TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();

    private final int index;
    private final ListenAddress listen;
    private final Supplier<SimulatorStatus> status;
    private final Javalin app;

    MasterFrontEnd(int index, ListenAddress listen, int port, OperatorApi operatorApi, ControlApi controlApi,
                   SchedulerApi schedulerApi, Supplier<SimulatorStatus> status) {
        this.index = index;
        this.listen = listen;
        this.status = status;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = listen.host();
            javalin.jetty.port = port;
            // Streams are written straight to the servlet response, byte for byte as a master sends them.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            operatorApi.install(javalin);
            controlApi.install(javalin);
            schedulerApi.install(javalin);
        });
    }

    void start() {
        app.start();
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            }
        }
    }

    void stop() {
        app.stop();
    }

    /** This master's index in its cluster. */
    public int index() {
        return index;
    }

    /** This master's base URL, {@code http://host:port}; the API is under {@code /api/v1}. */
    public String url() {
        return "http://" + hostPort();
    }

    /** The port listened on (the chosen one when configured with 0). */
    public int port() {
        return app.port();
    }

    /** What this master is doing, as its {@code GET /simulator/status} answers. */
    public SimulatorStatus status() {
        return status.get();
    }

    /** {@code host:port}, as the other masters' {@code Location} headers name this one. */
    String hostPort() {
        return listen.hostPort(port());
    }
}
