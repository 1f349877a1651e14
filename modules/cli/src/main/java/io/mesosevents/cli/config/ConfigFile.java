package io.mesosevents.cli.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The optional properties file of settings ({@code --config FILE} or {@code MESOS_EVENTS_CONFIG}).
 *
 * <p>Picocli applies defaults before it parses the command line, so the file has to be found by
 * scanning the raw arguments first; {@code --config} is still declared on every command for help
 * and validation.
 *
 * @param path     where the settings came from, for messages
 * @param settings key → value, keys being long option names without dashes
 */
public record ConfigFile(Path path, Map<String, String> settings) {

    public static final String OPTION = "--config";

    public ConfigFile {
        settings = Map.copyOf(settings);
    }

    /** The file named by {@code --config} in {@code args}, else by {@code MESOS_EVENTS_CONFIG}, if any. */
    public static Optional<ConfigFile> locate(String[] args, Map<String, String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return Optional.of(load(Path.of(args[i + 1])));
            }
            if (args[i].startsWith(OPTION + "=")) {
                return Optional.of(load(Path.of(args[i].substring(OPTION.length() + 1))));
            }
        }
        return Optional.ofNullable(environment.get(SettingNames.environmentVariable(OPTION)))
                .filter(value -> !value.isBlank())
                .map(value -> load(Path.of(value)));
    }

    public static ConfigFile load(Path path) {
        return new ConfigFile(path, PropertiesFiles.read(path, "Config file"));
    }
}
