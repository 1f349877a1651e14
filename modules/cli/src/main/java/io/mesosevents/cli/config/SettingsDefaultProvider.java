package io.mesosevents.cli.config;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Supplies an option's value when it is not on the command line: first from the environment
 * ({@code MESOS_EVENTS_KAFKA_PORT}), then from the config file ({@code kafka-port=…}); when neither
 * has it, picocli falls back to the option's documented default. So the precedence is
 * flag &gt; environment &gt; file &gt; default.
 */
public final class SettingsDefaultProvider implements IDefaultValueProvider {

    private final Map<String, String> environment;
    private final Optional<ConfigFile> configFile;

    public SettingsDefaultProvider(Map<String, String> environment, Optional<ConfigFile> configFile) {
        this.environment = Map.copyOf(environment);
        this.configFile = configFile;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.longestName().equals(ConfigFile.OPTION)) {
            return null;
        }
        String fromEnvironment = environment.get(SettingNames.environmentVariable(option.longestName()));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        return configFile.map(file -> file.settings().get(SettingNames.key(option.longestName()))).orElse(null);
    }

    /**
     * Rejects keys in the config file that no command knows, so a typo is an error instead of a
     * silently ignored setting. One file may serve several subcommands, so any command's option counts.
     */
    public void validateAgainst(CommandSpec root) {
        configFile.ifPresent(file -> {
            Set<String> known = new TreeSet<>();
            collectKeys(root, known);
            for (String key : file.settings().keySet()) {
                if (!known.contains(key)) {
                    throw new InvalidSettingException("Unknown setting '" + key + "' in config file " + file.path()
                            + "; known settings: " + String.join(", ", known));
                }
            }
        });
    }

    private static void collectKeys(CommandSpec command, Set<String> keys) {
        for (OptionSpec option : command.options()) {
            if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals(ConfigFile.OPTION)) {
                keys.add(SettingNames.key(option.longestName()));
            }
        }
        command.subcommands().values().forEach(sub -> collectKeys(sub.getCommandSpec(), keys));
    }
}
