package io.mesosevents.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.marathon.HealthCheckSummary;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.DeploymentView;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class AvroClassTrustTest {

    @Test
    void trustsExactlyTheGeneratedClasses() {
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(Range.class)).isTrue();
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(TaskState.class)).isTrue();
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(HealthCheckSummary.class)).isTrue();
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(DeploymentView.class)).isTrue();
        // Records of the views application's stores, in no topic.
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(io.mesosevents.model.state.AppTask.class)).isTrue();
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(io.mesosevents.model.state.EventPosition.class)).isTrue();
        // hand-written model classes and foreign classes stay untrusted
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(Topic.class)).isFalse();
        assertThat(AvroClassTrust.MODEL_CLASSES.isTrusted(java.io.File.class)).isFalse();
    }

    @Test
    void avrosDefaultValidatorRejectsTheGeneratedClasses() {
        // Why install() exists: without it Avro 1.12.2 refuses to load the model's classes by name.
        assertThat(ClassSecurityValidator.DEFAULT.isTrusted(Range.class)).isFalse();
        assertThat(ClassSecurityValidator.composite(ClassSecurityValidator.DEFAULT, AvroClassTrust.MODEL_CLASSES)
                .isTrusted(Range.class)).isTrue();
    }

    @Test
    void installIsIdempotent() {
        AvroClassTrust.install();
        var installed = ClassSecurityValidator.getGlobal();

        AvroClassTrust.install();

        assertThat(ClassSecurityValidator.getGlobal()).isSameAs(installed);
        assertThat(installed.isTrusted(Range.class)).isTrue();
        assertThat(installed.isTrusted(java.io.File.class)).isFalse();
    }
}
