package io.mesosevents.cli.config;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Declares {@code --config} on a command so that it appears in help and parses. Its value is read
 * before parsing (see {@link ConfigFile#locate}), which is why nothing reads this field.
 */
public final class ConfigFileOption {

    @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
            description = "Properties file of settings (keys are option names without dashes, e.g. kafka-port=9092). "
                    + "Env: MESOS_EVENTS_CONFIG.")
    @SuppressWarnings("unused")
    private Path configFile;
}
