package io.mesosevents.simulator.marathon;

/** Marathon's instance conditions, named as {@code instance_changed_event} names them, from Mesos task states. */
final class Condition {

    private Condition() {
    }

    static String of(String mesosState) {
        return switch (mesosState) {
            case "TASK_STAGING" -> "Staging";
            case "TASK_STARTING" -> "Starting";
            case "TASK_RUNNING" -> "Running";
            case "TASK_KILLING" -> "Killing";
            case "TASK_KILLED" -> "Killed";
            case "TASK_FINISHED" -> "Finished";
            case "TASK_FAILED" -> "Failed";
            case "TASK_ERROR" -> "Error";
            case "TASK_DROPPED" -> "Dropped";
            case "TASK_UNREACHABLE" -> "Unreachable";
            case "TASK_UNKNOWN" -> "Unknown";
            // A task Mesos reports lost for good is gone to Marathon; it replaces it.
            case "TASK_LOST", "TASK_GONE", "TASK_GONE_BY_OPERATOR" -> "Gone";
            default -> throw new IllegalArgumentException("Not a Mesos task state: " + mesosState);
        };
    }

    static boolean terminal(String mesosState) {
        return switch (mesosState) {
            case "TASK_KILLED", "TASK_FINISHED", "TASK_FAILED", "TASK_ERROR", "TASK_DROPPED", "TASK_LOST", "TASK_GONE",
                 "TASK_GONE_BY_OPERATOR", "TASK_UNKNOWN" -> true;
            default -> false;
        };
    }
}
