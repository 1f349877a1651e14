package io.mesosevents.cli.replay;

import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.EventLogOptions;
import io.mesosevents.replay.state.StateEntity;
import io.mesosevents.replay.state.StateFiles;
import io.mesosevents.replay.state.StateFormat;
import io.mesosevents.replay.state.StateReplay;
import io.mesosevents.streams.StreamsAppConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesos-events replay state}: a view's table as it was at a time, computed from the event log by the views' own rules. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = {
                "Prints or writes a view's table (apps, tasks, agents, frameworks, deployments or health) as it was at --as-of: "
                        + "reads the event topics from the start of retention (or --from) up to that time and folds them offline "
                        + "with the same topology as serve, without touching the live views.",
                "The result equals what serve answers for GET /api/v1/<entity>/{id}?asOf=<time>, except within about a second "
                        + "of a burst of events, which the live views may coalesce."
        })
public final class ReplayStateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private EventLogOptions log;

    @Option(names = "--as-of", required = true, paramLabel = "TIME",
            description = "The time whose state is wanted: ISO-8601 (2026-03-01T03:00:00Z) or epoch milliseconds; not in the future.")
    private String asOf;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Read from this time instead of the start of retention (ISO-8601 or epoch milliseconds): faster, but "
                    + "only exact for entities whose whole history, or a resync snapshot of them, lies after it.")
    private String from;

    @Option(names = "--entity", defaultValue = "apps", paramLabel = "apps|tasks|agents|frameworks|deployments|health",
            description = "The table (default: ${DEFAULT-VALUE}).")
    private String entity;

    @Option(names = "--app", paramLabel = "ID",
            description = "Only the rows of this app, leading slash optional, by the API's rules: the app itself, its tasks, its "
                    + "health, the deployments that affect it.")
    private String app;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|jsonl|csv|avro|parquet",
            description = "table: aligned columns of the main fields; jsonl: one JSON object per row, as the REST API renders "
                    + "rows; csv, avro, parquet: a file (--out) as 'replay export' writes the view's topic, each row with the "
                    + "as-of time as its timestamp (default: ${DEFAULT-VALUE}).")
    private StateFormat format;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Write the rows to this file instead of the standard output; needed by csv, avro and parquet.")
    private Path out;

    @Option(names = "--finished-retention-seconds", defaultValue = "3600",
            description = "How long finished tasks and deployments stay in the views: the same as serve's, or the tables differ "
                    + "(default: ${DEFAULT-VALUE}).")
    private long finishedRetentionSeconds;

    @Override
    public Integer call() {
        if (format.file().isPresent() && out == null) {
            throw new InvalidSettingException("--format " + format.name().toLowerCase(Locale.ROOT) + " writes a file: give --out PATH");
        }
        StateReplay.Request request = request();
        StreamsAppConfig views = views();
        StateReplay.Result result = new StateReplay(views, log.kafka().clientProperties()).run(request);
        StateEntity table = request.entities().iterator().next();
        write(table, request.asOf(), result);
        String summary = String.format(Locale.ROOT, "%d %s as of %s%s (%d events replayed in %.1f s, %.0f events/s)",
                result.rows(table).size(), table.cliName(), request.asOf(), out == null ? "" : " written to " + out,
                result.records(), result.elapsed().toNanos() / 1e9, result.recordsPerSecond());
        // The rows may be piped elsewhere: without --out, the summary goes beside them, not among them.
        PrintWriter channel = out == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
        channel.println(summary);
        channel.flush();
        return 0;
    }

    private StateReplay.Request request() {
        StateEntity table = StateEntity.byCliName(entity).orElseThrow(() -> new InvalidSettingException(
                "--entity: " + entity + " is not a table; use one of " + StateEntity.cliNames()));
        if (finishedRetentionSeconds <= 0) {
            throw new InvalidSettingException("--finished-retention-seconds must be positive");
        }
        Optional<String> onlyApp = Optional.ofNullable(app).map(String::strip).filter(id -> !id.isEmpty());
        if (onlyApp.isPresent() && !table.belongsToApps()) {
            throw new InvalidSettingException("--app selects apps, tasks, health or deployments; " + table.cliName()
                    + " belong to no app");
        }
        return new StateReplay.Request(Optional.ofNullable(from).map(text -> ReplayTimes.parse(text, "--from")), ReplayTimes.parse(asOf, "--as-of"),
                Set.of(table), onlyApp);
    }

    private StreamsAppConfig views() {
        return StreamsAppConfig.defaults()
                .withBootstrapServers(log.kafka().bootstrapServers())
                .withSchemaRegistryUrl(log.schemaRegistry())
                .withTopicPrefix(log.topicPrefix())
                .withFinishedRetention(Duration.ofSeconds(finishedRetentionSeconds))
                .withKafkaProperties(log.kafka().passedThroughProperties());
    }

    private void write(StateEntity table, Instant asOf, StateReplay.Result result) {
        if (format.file().isPresent()) {
            StateFiles.write(format.file().get(), table, table.topic().name(log.topicPrefix()), asOf, result.rows(table), out);
            return;
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            format.write(table, result.rows(table), stdout);
            stdout.flush();
            return;
        }
        try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            format.write(table, result.rows(table), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
