package io.mesosevents.cli.docs;

import io.mesosevents.cli.MesosEventsCommand;
import io.mesosevents.cli.config.ConfigFile;
import io.mesosevents.cli.config.EnvironmentAwareFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One command of the {@code mesos-events} tree with its options in declaration order.
 *
 * @param name        the full command line, e.g. {@code mesos-events topics create}
 * @param description the command's help description, one paragraph per line
 * @param subcommands the full names of its subcommands
 * @param options     its options, mixins' and hidden ones included (hidden ones still read the environment)
 */
record CliCommand(String name, List<String> description, List<String> subcommands, List<CliOption> options) {

    CliCommand {
        description = List.copyOf(description);
        subcommands = List.copyOf(subcommands);
        options = List.copyOf(options);
    }

    /**
     * Every command, depth first from the root. The tree is built with an empty environment and no
     * default provider, so the defaults shown are the declared ones, not the ones of whoever runs the test.
     */
    static List<CliCommand> all() {
        List<CliCommand> commands = new ArrayList<>();
        collect(new CommandLine(MesosEventsCommand.class, new EnvironmentAwareFactory(Map.of())).getCommandSpec(), commands);
        return commands;
    }

    private static void collect(CommandSpec spec, List<CliCommand> commands) {
        commands.add(new CliCommand(spec.qualifiedName(), List.of(spec.usageMessage().description()),
                spec.subcommands().values().stream().map(sub -> sub.getCommandSpec().qualifiedName()).distinct().toList(),
                spec.options().stream().map(o -> CliOption.of(o, spec)).toList()));
        spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct().forEach(sub -> collect(sub, commands));
    }

    String anchor() {
        return Markdown.slug(name);
    }

    /** Whether {@code --config FILE} may be given on this command line (the environment variable works everywhere). */
    boolean acceptsConfigOption() {
        return options.stream().anyMatch(o -> o.longName().equals(ConfigFile.OPTION));
    }

    List<CliOption> settings() {
        return options.stream().filter(o -> !o.isHelp()).toList();
    }

    List<CliOption> helpOptions() {
        return options.stream().filter(CliOption::isHelp).toList();
    }
}
