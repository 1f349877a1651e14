package io.mesosevents.cli.config;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import java.util.Map;

/**
 * Creates picocli's command and mixin objects, handing the process environment to the ones that
 * read more from it than one option's value ({@link KafkaClientOptions}); tests pass their own map.
 */
public final class EnvironmentAwareFactory implements IFactory {

    private final Map<String, String> environment;
    private final IFactory fallback = CommandLine.defaultFactory();

    public EnvironmentAwareFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == KafkaClientOptions.class) {
            return type.cast(new KafkaClientOptions(environment));
        }
        return fallback.create(type);
    }
}
