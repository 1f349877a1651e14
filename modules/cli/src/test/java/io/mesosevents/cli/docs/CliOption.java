package io.mesosevents.cli.docs;

import io.mesosevents.cli.config.ConfigFile;
import io.mesosevents.cli.config.SettingNames;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One option of one command as the configuration reference lists it.
 *
 * @param synopsis     how it is written, e.g. {@code --http-port=<httpPort>} or {@code --[no-]create-topics}
 * @param longName     the name settings are derived from (picocli's longest name)
 * @param environment  the variable that sets it, empty for the help options, which only the command line sets
 * @param fileKey      its key in the {@code --config} file, empty where the file cannot set it
 * @param defaultValue the declared default, empty if none (the description then says what happens)
 * @param required     whether the command refuses to run without it
 * @param description  the help text, as {@code --help} prints it
 */
record CliOption(String synopsis, String longName, Optional<String> environment, Optional<String> fileKey,
        Optional<String> defaultValue, boolean required, String description) {

    /**
     * Mirrors the rules of {@code SettingsDefaultProvider}: every option but {@code --config} and the help
     * options takes its value from {@code MESOS_EVENTS_<NAME>} and from the file key {@code <name>}; the
     * file is named by {@code --config} or {@code MESOS_EVENTS_CONFIG} and cannot name another file.
     */
    static CliOption of(OptionSpec option, CommandSpec command) {
        String longName = option.longestName();
        boolean help = option.usageHelp() || option.versionHelp();
        boolean configFile = longName.equals(ConfigFile.OPTION);
        Optional<String> environment = help ? Optional.empty() : Optional.of(SettingNames.environmentVariable(longName));
        Optional<String> fileKey = help || configFile ? Optional.empty() : Optional.of(SettingNames.key(longName));
        return new CliOption(synopsis(option, command), longName, environment, fileKey,
                Optional.ofNullable(option.defaultValue()), option.required(), String.join(" ", option.description()));
    }

    private static String synopsis(OptionSpec option, CommandSpec command) {
        String names = String.join(", ", Arrays.stream(option.names())
                .map(name -> option.negatable() && name.startsWith("--")
                        ? command.negatableOptionTransformer().makeSynopsis(name, command)
                        : name)
                .toList());
        return option.arity().max() == 0 ? names : names + "=" + option.paramLabel();
    }

    boolean isHelp() {
        return environment.isEmpty();
    }
}
