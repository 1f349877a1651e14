package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.model.marathon.HealthCheckSummary;

/** A health check definition: its key settings typed, the whole definition kept as JSON. */
final class HealthChecks {

    private HealthChecks() {
    }

    static HealthCheckSummary summary(JsonNode check) {
        return HealthCheckSummary.newBuilder(JsonRecords.read(check, HealthCheckSummary.class))
                .setHealthCheckJson(check.toString())
                .build();
    }
}
