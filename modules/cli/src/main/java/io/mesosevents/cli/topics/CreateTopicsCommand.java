package io.mesosevents.cli.topics;

import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.ingestor.topics.TopicStatus;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mesos-events topics create}: create every topic of the contract, or check the ones that exist. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {
                "Creates every mesos-events topic with its cleanup policy (delete for event logs, compact for state and views).",
                "Existing topics are left as they are and checked; a wrong cleanup policy is an error (exit code 1)."
        })
public final class CreateTopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--topic-prefix", defaultValue = "",
            description = "Prefix in front of every topic name (default: none).")
    private String topicPrefix;

    @Option(names = "--partitions", description = "Partitions of new topics (default: the broker's num.partitions).")
    private Integer partitions;

    @Option(names = "--replication-factor",
            description = "Replication factor of new topics (default: the broker's default.replication.factor).")
    private Short replicationFactor;

    @Override
    public Integer call() throws Exception {
        List<TopicStatus> statuses;
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            statuses = PlatformTopics.create(admin, kafka.bootstrapServers(), topicPrefix, Optional.ofNullable(partitions),
                    Optional.ofNullable(replicationFactor));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (TopicStatus status : statuses) {
            out.printf("%-13s %-32s %s%n", status.outcome(), status.topic(), status.detail());
        }
        out.flush();
        return statuses.stream().anyMatch(s -> s.outcome() == TopicStatus.Outcome.MISCONFIGURED) ? 1 : 0;
    }
}
