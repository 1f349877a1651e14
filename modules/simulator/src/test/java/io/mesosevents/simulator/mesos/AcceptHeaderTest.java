package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderTest {

    @Test
    void jsonWinsWheneverItIsAcceptableAsOnAMaster() {
        assertThat(AcceptHeader.negotiate(null)).hasValue(MesosEncoding.JSON);
        assertThat(AcceptHeader.negotiate("*/*")).hasValue(MesosEncoding.JSON);
        assertThat(AcceptHeader.negotiate("application/x-protobuf, application/json;q=0.1")).hasValue(MesosEncoding.JSON);
    }

    @Test
    void protobufWhenOnlyItIsAcceptable() {
        assertThat(AcceptHeader.negotiate("application/x-protobuf")).hasValue(MesosEncoding.PROTOBUF);
        assertThat(AcceptHeader.negotiate("application/json;q=0, application/*")).hasValue(MesosEncoding.PROTOBUF);
        assertThat(AcceptHeader.negotiate("APPLICATION/X-PROTOBUF; charset=binary")).hasValue(MesosEncoding.PROTOBUF);
    }

    @Test
    void noneWhenNeitherIs() {
        assertThat(AcceptHeader.negotiate("text/html, image/*")).isEmpty();
        assertThat(AcceptHeader.negotiate("*/*;q=0")).isEmpty();
        assertThat(AcceptHeader.negotiate("application/json;q=nonsense")).isEmpty();
    }
}
