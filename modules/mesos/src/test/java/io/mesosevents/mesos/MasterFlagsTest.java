package io.mesosevents.mesos;

import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.master.Protos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterFlagsTest {

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void readsTheClusterFlagFromTheLeaderAStandbyRedirectsTo(MesosEncoding encoding) throws Exception {
        try (FakeMaster standby = FakeMaster.start(); FakeMaster leader = FakeMaster.start()) {
            standby.then(FakeMaster.redirect("//" + leader.hostPort() + "/api/v1"));
            leader.then(FakeMaster.response(encoding, encoding.encode(flags(Flag.newBuilder().setName("cluster").setValue("eu-1").build(),
                    Flag.newBuilder().setName("hostname").setValue("m1").build()))));

            MasterFlags flags = MasterFlags.read(MesosClientConfig.forMasters(List.of(standby.url())).withEncoding(encoding));

            assertThat(flags.cluster()).hasValue("eu-1");
            assertThat(flags.get("hostname")).hasValue("m1");
            FakeMaster.Request call = leader.request();
            assertThat(encoding.decode(call.body(), Protos.Call.newBuilder()).getType()).isEqualTo(Protos.Call.Type.GET_FLAGS);
        }
    }

    @Test
    void aMasterStartedWithoutClusterFlagHasNoClusterName() throws Exception {
        try (FakeMaster master = FakeMaster.start()) {
            master.then(FakeMaster.response(MesosEncoding.PROTOBUF,
                    MesosEncoding.PROTOBUF.encode(flags(Flag.newBuilder().setName("hostname").setValue("m1").build()))));

            MasterFlags flags = MasterFlags.read(MesosClientConfig.forMasters(List.of(master.url())));

            assertThat(flags.cluster()).isEmpty();
        }
    }

    @Test
    void triesTheNextMasterAndNamesEveryFailureWhenNoneAnswers() throws Exception {
        try (FakeMaster recovering = FakeMaster.start()) {
            recovering.then(FakeMaster.status(503, "Master is recovering"));
            URI refused = URI.create("http://127.0.0.1:1");

            assertThatThrownBy(() -> MasterFlags.read(MesosClientConfig.forMasters(List.of(recovering.url(), refused))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("503: Master is recovering")
                    .hasMessageContaining("http://127.0.0.1:1");
        }
    }

    private static Protos.Response flags(Flag... flags) {
        return Protos.Response.newBuilder().setType(Protos.Response.Type.GET_FLAGS)
                .setGetFlags(Protos.Response.GetFlags.newBuilder().addAllFlags(List.of(flags))).build();
    }
}
