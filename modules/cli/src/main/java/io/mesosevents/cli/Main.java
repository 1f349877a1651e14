package io.mesosevents.cli;

import io.mesosevents.cli.config.ConfigFile;
import io.mesosevents.cli.config.EnvironmentAwareFactory;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.SettingsDefaultProvider;
import io.mesosevents.model.AvroClassTrust;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

import java.util.Map;
import java.util.Optional;

/** Entry point of the {@code mesos-events} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // protobuf and ZooKeeper log through java.util.logging; one logging configuration governs all.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        AvroClassTrust.install();
        // The Marathon callback receiver runs on the JDK's HTTP server, which writes an answer's
        // headers and body apart; without TCP_NODELAY, Nagle and delayed ACKs stall every callback ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        System.exit(run(args, System.getenv()));
    }

    /** Parses and runs one command line; returns the process exit code. */
    static int run(String[] args, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(MesosEventsCommand.class, new EnvironmentAwareFactory(environment))
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // Expected failures (a taken port, a bad setting) are one clear line, not a stack trace.
            cmd.getErr().println(cmd.getColorScheme().errorText("Error: " + exception.getMessage()));
            return ExitCodes.FAILURE;
        });
        try {
            Optional<ConfigFile> configFile = ConfigFile.locate(args, environment);
            SettingsDefaultProvider defaults = new SettingsDefaultProvider(environment, configFile);
            defaults.validateAgainst(commandLine.getCommandSpec());
            commandLine.setDefaultValueProvider(defaults);
        } catch (InvalidSettingException e) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("Error: " + e.getMessage()));
            return ExitCodes.USAGE;
        }
        return commandLine.execute(args);
    }
}
