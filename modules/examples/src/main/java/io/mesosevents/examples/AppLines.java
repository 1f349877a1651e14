package io.mesosevents.examples;

import io.mesosevents.model.state.AppView;

/** How the example prints one {@code state.apps} record. */
final class AppLines {

    private AppLines() {
    }

    /**
     * {@code eu1//prod/web RUNNING running 3/3 healthy 3 unhealthy 0 staged 0 failed 0}, or
     * {@code eu1//prod/web deleted} for a tombstone. Desired instances are unknown ({@code ?}) for
     * task groups of other frameworks and for Marathon apps whose definition was not seen yet.
     */
    static String of(String key, AppView app) {
        if (app == null) {
            return key + " deleted";
        }
        Integer desired = app.getDesiredInstances();
        return key + " " + app.getStatus()
                + " running " + app.getRunning() + "/" + (desired == null ? "?" : desired)
                + " healthy " + app.getHealthy()
                + " unhealthy " + app.getUnhealthy()
                + " staged " + app.getStaged()
                + " failed " + app.getFailed();
    }
}
