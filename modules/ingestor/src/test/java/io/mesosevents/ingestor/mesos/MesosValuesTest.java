package io.mesosevents.ingestor.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.Resource;
import java.time.Instant;
import java.util.List;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resource roles, attribute text, labels and time conversions. */
class MesosValuesTest {

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @Test
    @SuppressWarnings("deprecation") // the legacy role is one of the cases
    void roleComesFromTheInnermostReservationThenTheLegacyRoleThenTheAllocation() {
        Protos.Resource refined = MesosFixtures.scalar("cpus", 1)
                .addReservations(Protos.Resource.ReservationInfo.newBuilder().setRole("prod"))
                .addReservations(Protos.Resource.ReservationInfo.newBuilder().setRole("prod/db"))
                .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("prod/db/x"))
                .build();
        Protos.Resource legacy = MesosFixtures.scalar("cpus", 1).setRole("ops").build();
        Protos.Resource unreservedLegacy = MesosFixtures.scalar("cpus", 1).setRole("*").build();
        Protos.Resource allocated = MesosFixtures.scalar("cpus", 1)
                .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("web")).build();
        Protos.Resource plain = MesosFixtures.scalar("cpus", 1).build();

        assertThat(Resources.of(List.of(refined, legacy, unreservedLegacy, allocated, plain)))
                .extracting(Resource::getRole)
                .containsExactly("prod/db", "ops", null, "web", null);
    }

    @Test
    void resourceKeepsOnlyTheValueItHas() {
        Resource ports = Resources.of(Protos.Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
                .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(1).setEnd(2)))
                .build());

        assertThat(ports.getScalar()).isNull();
        assertThat(ports.getSet()).isEmpty();
        assertThat(ports.getRanges()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"2.0, 2", "0.5, 0.5", "16384, 16384", "0.001, 0.001", "1e21, 1000000000000000000000"})
    void scalarAttributesAreRenderedAsPlainNumbers(double value, String text) {
        Attribute attribute = Attribute.newBuilder().setName("a").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value)).build();

        assertThat(AttributeTexts.text(attribute)).isEqualTo(text);
    }

    @Test
    void nonFiniteScalarAttributeStillRenders() {
        Attribute attribute = Attribute.newBuilder().setName("a").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(Double.NaN)).build();

        assertThat(AttributeTexts.text(attribute)).isEqualTo("NaN");
    }

    @Test
    void emptySetAndRangesRenderAsEmptyBrackets() {
        Attribute set = Attribute.newBuilder().setName("s").setType(Value.Type.SET).setSet(Value.Set.newBuilder())
                .build();
        Attribute ranges = Attribute.newBuilder().setName("r").setType(Value.Type.RANGES)
                .setRanges(Value.Ranges.newBuilder()).build();

        assertThat(AttributeTexts.text(set)).isEqualTo("{}");
        assertThat(AttributeTexts.text(ranges)).isEqualTo("[]");
    }

    @Test
    void labelWithoutValueMapsToEmptyStringAndLaterDuplicatesWin() {
        Labels labels = Labels.newBuilder()
                .addLabels(Label.newBuilder().setKey("flag"))
                .addLabels(Label.newBuilder().setKey("team").setValue("a"))
                .addLabels(Label.newBuilder().setKey("team").setValue("b"))
                .build();

        assertThat(LabelMaps.of(labels)).containsExactly(java.util.Map.entry("flag", ""), java.util.Map.entry("team", "b"));
    }

    @Test
    void secondsAreRoundedToTheNearestMillisecond() {
        assertThat(MesosTimes.ofSeconds(1_772_366_400.1234)).isEqualTo(Instant.ofEpochMilli(1_772_366_400_123L));
        assertThat(MesosTimes.ofSeconds(1_772_366_400.1236)).isEqualTo(Instant.ofEpochMilli(1_772_366_400_124L));
        // 0.3 is 0.29999999999999998... as a double: rounding, not truncation, gives 300 ms.
        assertThat(MesosTimes.ofSeconds(0.3)).isEqualTo(Instant.ofEpochMilli(300));
        assertThat(MesosTimes.ofSeconds(Double.NaN)).isNull();
        assertThat(MesosTimes.ofSeconds(Double.POSITIVE_INFINITY)).isNull();
    }

    @Test
    void timeInfoIsTruncatedToTheMillisecondEvenBeforeTheEpoch() {
        assertThat(MesosTimes.of(TimeInfo.newBuilder().setNanoseconds(1_500_999_999L).build()))
                .isEqualTo(Instant.ofEpochMilli(1_500));
        assertThat(MesosTimes.of(TimeInfo.newBuilder().setNanoseconds(-1L).build()))
                .isEqualTo(Instant.ofEpochMilli(-1));
    }
}
