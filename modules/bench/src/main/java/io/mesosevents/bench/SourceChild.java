package io.mesosevents.bench;

import io.mesosevents.mesos.MesosSubscriber;

import java.util.Map;

/**
 * Child JVM: subscribes to the master at {@code args[0]}, which starts listening only after this
 * says {@code started}, and only counts what arrives (see {@link CountingHandler}). Answers
 * {@code report} with the counts until {@code stop}, then reports once more and ends.
 */
public final class SourceChild {

    private SourceChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        JulToSlf4j.install();
        ParentPipe pipe = new ParentPipe();
        CountingHandler handler = new CountingHandler(System.nanoTime());
        try (MesosSubscriber subscriber = new MesosSubscriber(ChildMesosClient.config(args[0]), handler)) {
            subscriber.start();
            ChildMesosClient.awaitFirstRefusal(subscriber::reconnects);
            pipe.say(new ReportLine("started", Map.of()));
            while (!pipe.next().equals("stop")) {
                pipe.say(handler.report());
            }
            pipe.say(handler.report());
        }
    }
}
