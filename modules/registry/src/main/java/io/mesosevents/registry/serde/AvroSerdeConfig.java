package io.mesosevents.registry.serde;

import io.mesosevents.registry.ConfigValues;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde behaviour, read with Confluent's property names (the registry connection itself is
 * configured by {@link io.mesosevents.registry.client.SchemaRegistryClientConfig} from the same map):
 *
 * <table>
 * <caption>Properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code auto.register.schemas}</td><td>true</td><td>the serializer registers the record's schema;
 *     when false it looks the schema up and fails if it is not registered</td></tr>
 * <tr><td>{@code use.latest.version}</td><td>false</td><td>with {@code auto.register.schemas=false}: write
 *     with the subject's latest version (fetched once per serializer), which must encode records exactly
 *     like the record's own schema</td></tr>
 * <tr><td>{@code specific.avro.reader}</td><td>false</td><td>a deserializer created by Kafka from its class
 *     name returns the generated class named by the writer schema instead of a GenericRecord</td></tr>
 * <tr><td>{@code key.subject.name.strategy}, {@code value.subject.name.strategy}</td><td>TopicNameStrategy</td>
 *     <td>only Confluent's TopicNameStrategy is supported</td></tr>
 * </table>
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion, boolean specificAvroReader) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static final AvroSerdeConfig DEFAULTS = new AvroSerdeConfig(true, false, false);

    public static AvroSerdeConfig fromMap(Map<String, ?> properties) {
        ConfigValues values = new ConfigValues(properties);
        for (String strategy : new String[] {KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY}) {
            values.string(strategy).filter(name -> !name.endsWith("TopicNameStrategy")).ifPresent(name -> {
                throw new ConfigException(strategy, name, "only TopicNameStrategy is supported");
            });
        }
        return new AvroSerdeConfig(
                values.bool(AUTO_REGISTER_SCHEMAS, DEFAULTS.autoRegisterSchemas()),
                values.bool(USE_LATEST_VERSION, DEFAULTS.useLatestVersion()),
                values.bool(SPECIFIC_AVRO_READER, DEFAULTS.specificAvroReader()));
    }
}
