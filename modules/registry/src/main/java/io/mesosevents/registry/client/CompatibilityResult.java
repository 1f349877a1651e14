package io.mesosevents.registry.client;

import java.util.List;

/** The registry's verdict on a compatibility test, with its explanations when incompatible. */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
