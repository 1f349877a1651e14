package io.mesosevents.mesos;

import io.mesosevents.client.Errors;
import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.master.Protos;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leading master's command-line flags ({@code GET_FLAGS}), read once; the ingestor names the
 * cluster after the master's {@code --cluster} flag when it is set.
 */
public final class MasterFlags {

    private final Map<String, String> flags;

    private MasterFlags(Map<String, String> flags) {
        this.flags = Map.copyOf(flags);
    }

    /**
     * Asks the masters of {@code config} in order (through ZooKeeper for a {@code zk://} address),
     * following redirects to the leader; the first answer wins.
     *
     * @throws IOException naming every master tried when none answered
     */
    public static MasterFlags read(MesosClientConfig config) throws IOException, InterruptedException {
        MasterCall call = MasterCall.of(config);
        List<String> failures = new ArrayList<>();
        for (URI master : MasterLocator.of(config).candidates()) {
            try {
                Protos.Response response = call.read(master, Protos.Call.Type.GET_FLAGS);
                Map<String, String> flags = new LinkedHashMap<>();
                for (Flag flag : response.getGetFlags().getFlagsList()) {
                    flags.put(flag.getName(), flag.getValue());
                }
                return new MasterFlags(flags);
            } catch (MasterRejected e) {
                failures.add(e.getMessage());
            } catch (IOException e) {
                failures.add(master + ": " + Errors.describe(e));
            }
        }
        throw new IOException("No Mesos master answered GET_FLAGS: " + String.join("; ", failures));
    }

    /** The master's {@code --cluster} flag; empty when it was started without one. */
    public Optional<String> cluster() {
        return Optional.ofNullable(flags.get("cluster")).filter(name -> !name.isBlank());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(flags.get(name));
    }
}
