package io.mesosevents.streams;

import io.mesosevents.model.state.AppStatus;

/**
 * The lifecycle status of an app, as Marathon users know it. The first rule that holds wins:
 * <ol>
 *   <li>DELAYED: instances are missing (desired &gt; staged + running) and at least
 *       {@value #BACKOFF_FAILURES} tasks failed since a task last reached TASK_RUNNING; Marathon then
 *       backs off before the next launch.</li>
 *   <li>DEPLOYING: a deployment in progress affects the app.</li>
 *   <li>SUSPENDED: the app wants 0 instances.</li>
 *   <li>WAITING: instances are wanted but not launched or staged (desired &gt; staged + running)
 *       and no deployment is launching them.</li>
 *   <li>RUNNING: otherwise.</li>
 * </ol>
 * An app whose desired instances are unknown (tasks of another framework, or a Marathon app whose
 * definition has not been seen) is RUNNING while a task runs, WAITING while tasks are only staged,
 * and SUSPENDED when none is active.
 */
final class AppStatusRule {

    static final int BACKOFF_FAILURES = 3;

    private AppStatusRule() {
    }

    static AppStatus of(Integer desired, int staged, int running, int deployments, int failuresSinceRunning) {
        if (desired == null) {
            return running > 0 ? AppStatus.RUNNING : staged > 0 ? AppStatus.WAITING : AppStatus.SUSPENDED;
        }
        boolean missing = desired > staged + running;
        if (missing && failuresSinceRunning >= BACKOFF_FAILURES) {
            return AppStatus.DELAYED;
        }
        if (deployments > 0) {
            return AppStatus.DEPLOYING;
        }
        if (desired == 0) {
            return AppStatus.SUSPENDED;
        }
        return missing ? AppStatus.WAITING : AppStatus.RUNNING;
    }
}
