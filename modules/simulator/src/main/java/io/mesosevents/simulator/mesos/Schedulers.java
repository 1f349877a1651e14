package io.mesosevents.simulator.mesos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The calls of external schedulers to a running simulated cluster, whichever master they come
 * through: they change the one model, and their events go to every subscriber at once.
 */
final class Schedulers {

    private static final Logger LOG = LoggerFactory.getLogger(Schedulers.class);

    private final EventHub hub;
    private final Supplier<String> electedHostPort;

    /** @param electedHostPort {@code host:port} of the master elected last, the one a scheduler registers with */
    Schedulers(EventHub hub, Supplier<String> electedHostPort) {
        this.hub = hub;
        this.electedHostPort = electedHostPort;
    }

    SchedulerTakeover takeOver(String framework) {
        String frameworkId = hub.change(simulation -> simulation.takeOver(framework));
        SchedulerTakeover takeover = new SchedulerTakeover(frameworkId, electedHostPort.get());
        LOG.info("An external scheduler took framework {} ({}) over at {}; the tasks it had are being killed",
                framework, frameworkId, takeover.master());
        return takeover;
    }

    LaunchedTask launch(String framework, LaunchRequest request) {
        LaunchedTask launched = hub.change(simulation -> simulation.launch(framework, request));
        LOG.debug("Launched {} of {} for {} on {} with ports {}", launched.taskId(), request.appId(), framework,
                launched.host(), launched.ports());
        return launched;
    }

    KillOutcome kill(String framework, String taskId) {
        KillOutcome outcome = hub.change(simulation -> simulation.kill(framework, taskId));
        LOG.debug("Kill of {} for {} taken in: {}", taskId, framework, outcome.state());
        return outcome;
    }
}
