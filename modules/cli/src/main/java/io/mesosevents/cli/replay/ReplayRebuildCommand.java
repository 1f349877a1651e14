package io.mesosevents.cli.replay;

import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.serve.ViewsOptions;
import io.mesosevents.replay.progress.Progress;
import io.mesosevents.replay.progress.ProgressMode;
import io.mesosevents.replay.rebuild.Rebuild;
import io.mesosevents.replay.rebuild.RebuildResult;
import io.mesosevents.streams.StreamsAppConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesos-events replay rebuild}: the views rebuilt from the whole event log by a new application id, as a cut-over. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {
                "Rebuilds the views from the whole event log: runs the views application of 'serve' under a new --application-id, "
                        + "which Kafka Streams starts at the first retained event of every topic, reports progress until it has "
                        + "folded every event that was in the topics when it started, prints the records, time and events/s, and exits.",
                "It is a cut-over: the views write the same state.* and view.* topics whatever their application id, so the rebuild "
                        + "refuses to start while the application it replaces (--from-application-id) has running instances. "
                        + "Stop every 'serve', run the rebuild, then start 'serve --application-id NEW' with the same --state-dir and "
                        + "--http-port: it continues from the rebuilt stores (an instance elsewhere restores them from the new "
                        + "application's changelogs). Ctrl-C stops the rebuild cleanly; run it again with the same id to continue.",
                "Finished tasks and deployments older than --finished-retention-seconds before now are removed at once, as a live "
                        + "application would remove them."
        })
public final class ReplayRebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private ViewsOptions views;

    @Option(names = "--application-id", required = true, paramLabel = "NEW",
            description = "Kafka Streams application id of the rebuilt views: a new consumer group and a new set of internal topics. "
                    + "Serve the result with 'serve --application-id NEW'.")
    private String applicationId;

    @Option(names = "--from-application-id", paramLabel = "OLD", defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
            description = "The application the rebuild replaces; the rebuild refuses to start while its consumer group has "
                    + "active members (default: ${DEFAULT-VALUE}).")
    private String fromApplicationId;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "The --http-port of the 'serve' that takes over on this host; it only names the state directory, "
                    + "nothing listens on it (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|log|none",
            description = "bar: a progress bar on stderr; log: a log line every 10 s; auto: the bar on a terminal, else log lines "
                    + "(default: ${DEFAULT-VALUE}).")
    private ProgressMode progress;

    @Override
    public Integer call() throws Exception {
        // The directory serve uses for the same port, so that serve finds the rebuilt stores there.
        StreamsAppConfig config = views.config(applicationId, httpPort);
        views.createTopics(config);
        RebuildResult result;
        try (Rebuild rebuild = Rebuild.prepare(config, fromApplicationId)) {
            // Ctrl-C commits what is folded and leaves the group, so a second run with the same id continues from there.
            Thread stop = new Thread(rebuild::close, "rebuild-shutdown");
            Runtime.getRuntime().addShutdownHook(stop);
            try (Progress shown = progress.start("rebuild", rebuild.total(), spec.commandLine().getErr())) {
                result = rebuild.run(shown);
            }
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Rebuilt the views as application %s: %d event records in %.1f s, %.0f events/s.%n",
                result.applicationId(), result.records(), result.elapsed().toMillis() / 1000.0, result.eventsPerSecond());
        stdout.printf("Serve them with: mesos-events serve --application-id %s --state-dir %s --http-port %d%n", applicationId,
                views.stateDir(), httpPort);
        stdout.flush();
        return 0;
    }
}
