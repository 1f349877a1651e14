package io.mesosevents.cli.compose;

import io.mesosevents.cli.MesosEventsCommand;
import io.mesosevents.cli.config.ConfigFile;
import io.mesosevents.cli.config.EnvironmentAwareFactory;
import io.mesosevents.cli.config.SettingNames;
import io.mesosevents.cli.config.SettingsDefaultProvider;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container's command line and environment read by the executable's own parser, as {@code Main}
 * sets it up: subcommands resolved, every {@code MESOS_EVENTS_*} variable applied through
 * {@link SettingsDefaultProvider}, values converted and required options checked. What it yields is
 * what the process would run with.
 */
record CliInvocation(List<String> subcommand, CommandSpec spec) {

    /** Variables the executable reads besides the options' own (README, "Configuration"). */
    private static final Set<String> GLOBAL_VARIABLES = Set.of(SettingNames.ENV_PREFIX + "LOG_LEVEL", SettingNames.ENV_PREFIX + "JAVA_OPTS");
    private static final String KAFKA_PROPERTY_PREFIX = SettingNames.ENV_PREFIX + "KAFKA_PROPERTY_";

    /** @throws picocli.CommandLine.ParameterException when the command or a value is not one the executable accepts */
    static CliInvocation parse(List<String> arguments, Map<String, String> environment) {
        CommandLine root = new CommandLine(MesosEventsCommand.class, new EnvironmentAwareFactory(environment))
                .setCaseInsensitiveEnumValuesAllowed(true);
        root.setDefaultValueProvider(new SettingsDefaultProvider(environment, Optional.empty()));
        ParseResult result = root.parseArgs(arguments.toArray(String[]::new));
        List<String> path = new ArrayList<>();
        while (result.hasSubcommand()) {
            result = result.subcommand();
            path.add(result.commandSpec().name());
        }
        return new CliInvocation(List.copyOf(path), result.commandSpec());
    }

    /** The value the option has: from the command line, the environment, or its default. */
    Object value(String option) {
        OptionSpec spec = spec().findOption(option);
        if (spec == null) {
            throw new AssertionError("`" + String.join(" ", subcommand) + "` has no option " + option);
        }
        return spec.getValue();
    }

    boolean hasOption(String option) {
        return spec.findOption(option) != null;
    }

    /** Whether {@code variable} is a setting this subcommand reads. */
    boolean reads(String variable) {
        if (GLOBAL_VARIABLES.contains(variable)) {
            return true;
        }
        if (variable.startsWith(KAFKA_PROPERTY_PREFIX)) {
            return hasOption("--kafka-property");
        }
        return settingVariables().contains(variable);
    }

    /** {@code MESOS_EVENTS_<OPTION>} of every option of the subcommand, {@code --config} included. */
    Set<String> settingVariables() {
        Set<String> variables = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                variables.add(SettingNames.environmentVariable(option.longestName()));
            }
        }
        variables.add(SettingNames.environmentVariable(ConfigFile.OPTION));
        return variables;
    }

    /**
     * The ports the environment sets: the values of the {@code --…port} options whose variables it
     * names (0 picks a free port, so none). Ports left at their defaults do not count: a deployment
     * states the ports it publishes.
     */
    Set<Integer> portsSetBy(Map<String, String> environment) {
        Set<Integer> ports = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            if (option.longestName().endsWith("-port") && environment.containsKey(SettingNames.environmentVariable(option.longestName()))
                    && option.getValue() instanceof Integer port && port > 0) {
                ports.add(port);
            }
        }
        return ports;
    }
}
