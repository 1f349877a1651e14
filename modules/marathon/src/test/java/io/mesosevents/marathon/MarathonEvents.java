package io.mesosevents.marathon;

/** Marathon events as JSON, and SSE frames as Marathon writes them, for tests. */
final class MarathonEvents {

    private MarathonEvents() {
    }

    static String attached() {
        return "{\"remoteAddress\":\"127.0.0.1\",\"eventType\":\"event_stream_attached\",\"timestamp\":\"2017-05-01T10:00:00.000Z\"}";
    }

    static String statusUpdate(String taskId) {
        return "{\"slaveId\":\"s1\",\"taskId\":\"" + taskId + "\",\"taskStatus\":\"TASK_RUNNING\",\"appId\":\"/web\","
                + "\"eventType\":\"status_update_event\",\"timestamp\":\"2017-05-01T10:00:01.000Z\"}";
    }

    /** One frame, CRLF-terminated as Marathon's Jetty writes it; the name is the JSON's eventType. */
    static String frame(String json) {
        String type = json.replaceFirst(".*\"eventType\":\"([^\"]+)\".*", "$1");
        return "event: " + type + "\r\ndata: " + json + "\r\n\r\n";
    }

    /** {@code GET /v2/apps} with apps of these ids. */
    static String apps(String... ids) {
        StringBuilder json = new StringBuilder("{\"apps\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"instances\":1,\"tasks\":[]}");
        }
        return json.append("]}").toString();
    }
}
