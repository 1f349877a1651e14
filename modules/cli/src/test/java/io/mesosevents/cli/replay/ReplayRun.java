package io.mesosevents.cli.replay;

import io.mesosevents.cli.config.EnvironmentAwareFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One {@code mesos-events replay …} command line run in-process as Main runs it: its exit code, and
 * what it printed to stdout and stderr, a failed command being one "Error: …" line and exit code 1.
 */
record ReplayRun(int exitCode, String out, String err) {

    static ReplayRun of(List<String> args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine command = new CommandLine(ReplayCommand.class, new EnvironmentAwareFactory(Map.of()))
                .setCaseInsensitiveEnumValuesAllowed(true);
        command.setOut(new PrintWriter(stdout, true));
        command.setErr(new PrintWriter(stderr, true));
        command.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("Error: " + exception.getMessage());
            return 1;
        });
        int code = command.execute(args.toArray(String[]::new));
        return new ReplayRun(code, stdout.toString(), stderr.toString());
    }

    /** {@code subcommand} with {@code common} arguments first (where Kafka is, …), then {@code args}. */
    static ReplayRun of(String subcommand, List<String> common, String... args) {
        List<String> line = new ArrayList<>();
        line.add(subcommand);
        line.addAll(common);
        line.addAll(List.of(args));
        return of(line);
    }
}
