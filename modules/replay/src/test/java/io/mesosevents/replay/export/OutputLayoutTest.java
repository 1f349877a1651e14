package io.mesosevents.replay.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

    private static final long TIME = Instant.parse("2026-03-01T03:59:59.999Z").toEpochMilli();

    @Test
    void withoutPartitioningOneDirectoryPerTopicAndOneFilePerKafkaPartition() {
        OutputLayout layout = new OutputLayout(Path.of("out"), OutputLayout.PartitionBy.NONE);

        assertThat(layout.file(layout.place("mesos.task-events", Optional.empty(), TIME, 3), 0, ExportFormat.AVRO))
                .isEqualTo(Path.of("out/mesos.task-events/part-0003.avro"));
        assertThat(layout.file(layout.place("marathon.events", Optional.of("deployment_info"), TIME, 12), 2, ExportFormat.CSV))
                .isEqualTo(Path.of("out/marathon.events/event_type=deployment_info/part-0012-2.csv"));
    }

    @Test
    void byHourHiveStyleDirectoriesOfTheUtcHourOfTheRecordTime() {
        OutputLayout layout = new OutputLayout(Path.of("out"), OutputLayout.PartitionBy.HOUR);

        assertThat(layout.file(layout.place("marathon.events", Optional.of("status_update_event"), TIME, 0), 0, ExportFormat.PARQUET))
                .isEqualTo(Path.of("out/marathon.events/event_type=status_update_event/hour=2026-03-01T03/part-0000.parquet"));
        assertThat(OutputLayout.hourOf(TIME + 1)).isEqualTo("2026-03-01T04");
    }
}
