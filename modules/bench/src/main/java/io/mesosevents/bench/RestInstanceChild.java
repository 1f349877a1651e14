package io.mesosevents.bench;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.rest.RestConfig;
import io.mesosevents.streams.rest.ViewsServer;

import java.util.Arrays;
import java.util.Map;

/**
 * Child JVM: one serving instance ({@link ViewsServer}: the views application and its HTTP API) as
 * {@code mesos-events serve --http-host 127.0.0.1 --http-port <port>} runs it, its application server
 * being {@code 127.0.0.1:<port>} and its stores in {@code <state dir>/instance-<port>}. Arguments:
 * those of {@link ViewsChildConfig}, then the port. Says {@code ready}, starts on {@code start} (so
 * that the harness can start both instances together) and says {@code started}; stops on {@code stop}.
 */
public final class RestInstanceChild {

    static final String HOST = "127.0.0.1";

    private RestInstanceChild() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        ViewsChildLogging.quietAloneInGroupWarnings();
        AvroClassTrust.install();
        int port = Integer.parseInt(args[4]);
        StreamsAppConfig base = ViewsChildConfig.from(Arrays.copyOf(args, 4));
        StreamsAppConfig config = base.withStateDir(base.stateDir().resolve("instance-" + port))
                .withApplicationServer(HOST + ":" + port);
        RestConfig rest = RestConfig.defaults().withHost(HOST).withPort(port);
        ParentPipe pipe = new ParentPipe();
        pipe.say(new ReportLine("ready", Map.of()));
        if (!pipe.next().equals("start")) {
            return;
        }
        try (ViewsServer server = ViewsServer.start(config, rest)) {
            pipe.say(new ReportLine("started", Map.of("port", Integer.toString(server.port()))));
            pipe.awaitStop();
        }
    }
}
