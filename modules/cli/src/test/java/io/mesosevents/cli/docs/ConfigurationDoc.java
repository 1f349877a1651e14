package io.mesosevents.cli.docs;

import io.mesosevents.cli.config.ConfigFile;
import io.mesosevents.cli.config.SettingNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/reference/configuration.md}: how settings are given (flag, environment, config
 * file), the environment variables that belong to no single option, then every command with every
 * option, and an index from environment variable to option and commands.
 */
final class ConfigurationDoc {

    static final String FILE = "configuration.md";

    /** Variables read outside the option mechanism; the test checks that the sources name no others. */
    static final List<List<String>> OTHER_VARIABLES = List.of(
            List.of(SettingNames.environmentVariable(ConfigFile.OPTION),
                    "The config file, as `--config FILE`; the flag wins. Works for every command, also those without `--config`."),
            List.of(SettingNames.ENV_PREFIX + "KAFKA_PROPERTY_<KEY>",
                    "A Kafka client property for every command with `--bootstrap-servers`: `<KEY>` lower-cased with `_` read as `.`, "
                            + "e.g. `" + SettingNames.ENV_PREFIX + "KAFKA_PROPERTY_SECURITY_PROTOCOL` for `security.protocol`. "
                            + "Wins over `--kafka-config`, loses to `--kafka-property`."),
            List.of(SettingNames.ENV_PREFIX + "LOG_LEVEL",
                    "Root log level of the executable: `TRACE`, `DEBUG`, `INFO` (default), `WARN` or `ERROR`. Logs go to standard error."),
            List.of(SettingNames.ENV_PREFIX + "JAVA_OPTS",
                    "JVM options that `bin/mesos-events` puts before `-jar`, e.g. `-Xmx2g`."));

    private final List<CliCommand> commands;

    ConfigurationDoc(List<CliCommand> commands) {
        this.commands = List.copyOf(commands);
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration\n\n").append(Markdown.generatedNotice(getClass())).append('\n');
        md.append("""
                Every command of the `mesos-events` executable (`bin/mesos-events`, or `java -jar mesos-events.jar`)
                with every option, its environment variable and its default, generated from the command definitions
                in `modules/cli`. How to run the platform with these settings is in [operations](../operations.md)
                and [Docker Compose](../docker-compose.md).

                """);
        appendContents(md);
        appendHowSettingsAreGiven(md);
        appendConfigFile(md);
        appendOtherVariables(md);
        appendCommands(md);
        appendIndex(md);
        return md.toString();
    }

    private void appendContents(StringBuilder md) {
        md.append("## Contents\n\n");
        md.append("- [How settings are given](#how-settings-are-given)\n");
        md.append("- [Config file](#config-file)\n");
        md.append("- [Environment variables of no single option](#other-environment-variables)\n");
        md.append("- [Commands](#commands)\n");
        commands.forEach(c -> md.append("  - ").append(commandLink(c)).append('\n'));
        md.append("- [Environment variable index](#environment-variable-index)\n\n");
    }

    private void appendHowSettingsAreGiven(StringBuilder md) {
        String example = "--http-port";
        md.append(Markdown.anchor("how-settings-are-given")).append("## How settings are given\n\n");
        md.append("Every option except `--config` and the help options may also come from an environment variable or from\n")
                .append("the config file, named by one rule:\n\n");
        md.append(Markdown.table(List.of("Flag", "Environment variable", "Config file key"), List.of(List.of(
                Markdown.code(example + "=8080"),
                Markdown.code(SettingNames.environmentVariable(example) + "=8080"),
                Markdown.code(SettingNames.key(example) + "=8080")))));
        md.append("""

                - Precedence: flag, then environment variable, then config file, then the option's default.
                - The variable is `MESOS_EVENTS_` and the long option name upper-cased, with `-` and `.` as `_`.
                - A variable or key sets the option of that name on every command that has one: `MESOS_EVENTS_HTTP_PORT`
                  is read by each command with `--http-port`. The [index](#environment-variable-index) lists the
                  commands of each variable.
                - Values are written as on the command line; boolean options such as `--[no-]create-topics` take
                  `true` or `false`, and enum values are case-insensitive.
                - `-h, --help` and `-V, --version` are command-line only.

                """);
    }

    private void appendConfigFile(StringBuilder md) {
        md.append(Markdown.anchor("config-file")).append("## Config file\n\n");
        md.append("""
                - `--config FILE` or `MESOS_EVENTS_CONFIG=FILE` names a Java properties file (UTF-8); the flag wins.
                  The file is found before the command line is parsed, from the first `--config` before any `--`.
                - Keys are long option names without the dashes; keys and values are trimmed.
                - One file may serve several commands: a key is accepted when any command has that option, and applies
                  to every command that has it. A key that no command knows is an error (exit code 2) that lists
                  the known keys, so a typo cannot pass unnoticed.
                - The file cannot set `config`, `help` or `version`.
                """);
        List<String> without = commands.stream().filter(c -> !c.settings().isEmpty() && !c.acceptsConfigOption())
                .map(this::commandLink).toList();
        if (!without.isEmpty()) {
            md.append("- ").append(String.join(", ", without))
                    .append(without.size() == 1 ? " does" : " do").append(" not take `--config` on the command line; `MESOS_EVENTS_CONFIG` applies all the same.\n");
        }
        md.append("\nFor example, shared by `ingest` and `serve`:\n\n```properties\n");
        md.append(exampleLine("--bootstrap-servers", "kafka-1:9092,kafka-2:9092"));
        md.append(exampleLine("--schema-registry", "http://registry:8081"));
        md.append(exampleLine("--topic-prefix", "staging."));
        md.append(exampleLine("--kafka-config", "/etc/mesos-events/kafka-client.properties"));
        md.append("```\n\n");
    }

    /** A config file line for an option that must exist, so the example cannot outlive it. */
    private String exampleLine(String option, String value) {
        boolean exists = commands.stream().flatMap(c -> c.settings().stream()).anyMatch(o -> o.longName().equals(option));
        if (!exists) {
            throw new IllegalStateException("The config file example uses " + option + ", which no command has");
        }
        return SettingNames.key(option) + "=" + value + "\n";
    }

    private void appendOtherVariables(StringBuilder md) {
        md.append(Markdown.anchor("other-environment-variables")).append("## Environment variables of no single option\n\n");
        md.append(Markdown.table(List.of("Variable", "Meaning"), OTHER_VARIABLES.stream()
                .map(v -> List.of(Markdown.code(v.get(0)), v.get(1))).toList())).append('\n');
    }

    private void appendCommands(StringBuilder md) {
        md.append(Markdown.anchor("commands")).append("## Commands\n");
        commands.forEach(c -> appendCommand(md, c));
    }

    private void appendCommand(StringBuilder md, CliCommand command) {
        md.append('\n').append(Markdown.anchor(command.anchor())).append("### ").append(Markdown.code(command.name())).append("\n\n");
        command.description().forEach(line -> md.append(Markdown.text(line)).append("\n\n"));
        if (!command.subcommands().isEmpty()) {
            md.append("Subcommands: ").append(command.subcommands().stream()
                    .map(name -> Markdown.link(Markdown.code(name), "#" + Markdown.slug(name))).collect(Collectors.joining(", "))).append(".\n\n");
        }
        if (!command.settings().isEmpty()) {
            md.append(Markdown.table(List.of("Option", "Environment variable", "Default", "Description"),
                    command.settings().stream().map(ConfigurationDoc::optionRow).toList())).append('\n');
        }
        if (!command.helpOptions().isEmpty()) {
            md.append(command.settings().isEmpty() ? "Options: " : "Also ")
                    .append(command.helpOptions().stream().map(o -> Markdown.code(o.synopsis())).collect(Collectors.joining(", ")))
                    .append(", on the command line only.\n");
        }
    }

    private static List<String> optionRow(CliOption option) {
        return List.of(
                Markdown.cellCode(option.synopsis()),
                option.environment().map(Markdown::code).orElse(""),
                defaultCell(option),
                Markdown.text(option.description()));
    }

    private static String defaultCell(CliOption option) {
        if (option.required()) {
            return "**required**";
        }
        Optional<String> value = option.defaultValue();
        if (value.isEmpty()) {
            return "";
        }
        return value.get().isEmpty() ? "empty" : Markdown.cellCode(value.get());
    }

    private void appendIndex(StringBuilder md) {
        md.append(Markdown.anchor("environment-variable-index")).append("## Environment variable index\n\n");
        md.append("Every variable that sets an option, with the commands that read it.\n\n");
        Map<String, Map<String, List<CliCommand>>> byVariable = new TreeMap<>();
        for (CliCommand command : commands) {
            for (CliOption option : command.settings()) {
                byVariable.computeIfAbsent(option.environment().orElseThrow(), v -> new TreeMap<>())
                        .computeIfAbsent(option.longName(), o -> new ArrayList<>()).add(command);
            }
        }
        List<List<String>> rows = byVariable.entrySet().stream().flatMap(v -> v.getValue().entrySet().stream().map(o -> List.of(
                Markdown.code(v.getKey()),
                Markdown.code(o.getKey()),
                o.getValue().stream().map(this::commandLink).collect(Collectors.joining(", "))))).toList();
        md.append(Markdown.table(List.of("Variable", "Option", "Commands"), rows));
    }

    private String commandLink(CliCommand command) {
        return Markdown.link(Markdown.code(command.name()), "#" + command.anchor());
    }
}
