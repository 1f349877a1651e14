package io.mesosevents.cli.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin ConfigFileOption config;
        @Option(names = "--kafka-port", defaultValue = "9092") int kafkaPort;
        @Option(names = "--data-dir", defaultValue = "data") String dataDir;
        @Mixin KafkaClientOptions kafka;
    }

    @Test
    void namesFollowOneRule() {
        assertThat(SettingNames.key("--kafka-port")).isEqualTo("kafka-port");
        assertThat(SettingNames.environmentVariable("--kafka-port")).isEqualTo("MESOS_EVENTS_KAFKA_PORT");
        assertThat(SettingNames.environmentVariable("data-dir")).isEqualTo("MESOS_EVENTS_DATA_DIR");
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"), "kafka-port=1111\ndata-dir=from-file\nbootstrap-servers=file:9092\n");
        String[] args = {"--config", file.toString()};
        Map<String, String> env = Map.of("MESOS_EVENTS_KAFKA_PORT", "2222");

        Probe fromEnvAndFile = parse(args, env);
        assertThat(fromEnvAndFile.kafkaPort).isEqualTo(2222);
        assertThat(fromEnvAndFile.dataDir).isEqualTo("from-file");

        Probe fromFlag = parse(new String[] {"--config", file.toString(), "--kafka-port", "3333"}, env);
        assertThat(fromFlag.kafkaPort).isEqualTo(3333);

        Probe defaults = parse(new String[] {"--bootstrap-servers", "x:1"}, Map.of());
        assertThat(defaults.kafkaPort).isEqualTo(9092);
        assertThat(defaults.dataDir).isEqualTo("data");
    }

    @Test
    void configFileCanBeNamedInTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.properties"), "data-dir=via-env-file\nbootstrap-servers=b:1\n");
        Probe probe = parse(new String[0], Map.of("MESOS_EVENTS_CONFIG", file.toString()));
        assertThat(probe.dataDir).isEqualTo("via-env-file");
    }

    @Test
    void unknownKeyInConfigFileIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.properties"), "kafka-prot=1\n");
        SettingsDefaultProvider provider = new SettingsDefaultProvider(Map.of(), Optional.of(ConfigFile.load(file)));
        assertThatThrownBy(() -> provider.validateAgainst(new CommandLine(new Probe(), new EnvironmentAwareFactory(Map.of())).getCommandSpec()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("Unknown setting 'kafka-prot'")
                .hasMessageContaining("kafka-port");
    }

    @Test
    void missingConfigFileIsAClearError() {
        assertThatThrownBy(() -> ConfigFile.locate(new String[] {"--config=/no/such/file"}, Map.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Config file /no/such/file does not exist");
    }

    @Test
    void unreadableConfigFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigFile.load(dir))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Cannot read Config file " + dir + ": ");
    }

    @Test
    void kafkaClientPropertiesPassThroughFromFileEnvironmentAndFlags(@TempDir Path dir) throws Exception {
        Path clientFile = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SSL\nssl.truststore.location=/from/file\nsasl.mechanism=PLAIN\n");
        Map<String, String> env = Map.of(
                "MESOS_EVENTS_KAFKA_PROPERTY_SASL_MECHANISM", "SCRAM-SHA-512",
                "MESOS_EVENTS_BOOTSTRAP_SERVERS", "env-broker:9093");
        Probe probe = parse(new String[] {"--kafka-config", clientFile.toString(),
                "--kafka-property", "ssl.truststore.location=/from/flag", "--kafka-property", "client.id=probe"}, env);

        assertThat(probe.kafka.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "env-broker:9093",
                "security.protocol", "SSL",
                "ssl.truststore.location", "/from/flag",
                "sasl.mechanism", "SCRAM-SHA-512",
                "client.id", "probe"));
    }

    private static Probe parse(String[] args, Map<String, String> env) {
        Probe probe = new Probe();
        CommandLine commandLine = new CommandLine(probe, new EnvironmentAwareFactory(env));
        commandLine.setDefaultValueProvider(new SettingsDefaultProvider(env, ConfigFile.locate(args, env)));
        commandLine.parseArgs(args);
        return probe;
    }
}
