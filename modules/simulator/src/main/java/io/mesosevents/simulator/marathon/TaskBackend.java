package io.mesosevents.simulator.marathon;

/**
 * Where the simulated Marathon's tasks run: a Mesos of its own inside the Marathon simulator, or a
 * running Mesos master simulator (so that both describe one cluster). Marathon asks for launches
 * and kills; the backend answers with status updates, as Mesos answers a scheduler.
 *
 * <p>{@link #start} once, before any launch; {@link #close} once.
 */
public interface TaskBackend extends AutoCloseable {

    /**
     * Begins delivering status updates to {@code listener}. Updates may arrive on any thread, at
     * any time after the launch they concern; the listener must not block for long.
     */
    void start(TaskListener listener);

    /** Asks for a task; {@code TASK_STAGING} and the later states follow as updates. */
    void launch(TaskLaunch launch);

    /** Asks for a task to be killed; {@code TASK_KILLING}/{@code TASK_KILLED} follow (nothing for an unknown task). */
    void kill(String taskId);

    /** The Mesos framework id Marathon's tasks run under. */
    String frameworkId();

    /** The Mesos master Marathon is registered with, {@code host:port}. */
    String master();

    @Override
    void close();
}
