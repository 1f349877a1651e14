package io.mesosevents.marathon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * Turns the data of one SSE frame or one callback body into events, one per JSON object. Captured
 * Marathon streams carry several objects in one data field, so the data is split by parsing it,
 * each object keeping its exact text and offset.
 */
final class EventDecoder {

    private final ObjectMapper mapper;

    EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param data         UTF-8 JSON: one or more objects, separated by whitespace or nothing
     * @param typeHint     the type the transport names (the SSE {@code event:}), for objects without {@code eventType}
     * @param streamOffset maps an index into {@code data} to its offset in the stream
     */
    void decode(byte[] data, Optional<String> typeHint, IntToLongFunction streamOffset, EventSink sink) {
        int decoded = 0;
        // Where the next value starts at the latest: the end of the last one.
        int next = 0;
        try (JsonParser parser = mapper.getFactory().createParser(data)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                if (token == JsonToken.START_OBJECT) {
                    JsonNode json = mapper.readTree(parser);
                    next = end(parser);
                    sink.event(message(data, start, next, json, typeHint, streamOffset));
                } else {
                    parser.skipChildren();
                    next = end(parser);
                    sink.malformed(new MalformedEvent(Arrays.copyOfRange(data, start, next),
                            "a JSON " + describe(token) + " where an event object was expected", MalformedEvent.STAGE_JSON,
                            streamOffset.applyAsLong(start)));
                }
                decoded++;
            }
        } catch (JsonProcessingException e) {
            // JSON has no resynchronisation point: the rest of this data is one dead letter.
            int start = skipWhitespace(data, next);
            sink.malformed(new MalformedEvent(Arrays.copyOfRange(data, start, data.length), "invalid JSON: " + oneLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (at byte " + e.getLocation().getByteOffset() + " of the event's data)"), MalformedEvent.STAGE_JSON,
                    streamOffset.applyAsLong(start)));
            return;
        } catch (IOException e) {
            throw new IllegalStateException("Reading a byte array cannot fail but for bad JSON", e);
        }
        if (decoded == 0) {
            sink.malformed(new MalformedEvent(data.clone(), "the event's data holds no JSON value", MalformedEvent.STAGE_JSON,
                    streamOffset.applyAsLong(0)));
        }
    }

    private static MarathonEventMessage message(byte[] data, int start, int end, JsonNode json, Optional<String> typeHint,
                                                IntToLongFunction streamOffset) {
        // eventType is in every Marathon event and belongs to the object, while an SSE event name
        // belongs to a frame that may hold several objects.
        String type = text(json, "eventType").or(() -> typeHint).orElse(MarathonEventMessage.UNTYPED);
        return new MarathonEventMessage(type, new String(data, start, end - start, StandardCharsets.UTF_8), json,
                text(json, "timestamp").flatMap(EventDecoder::instant), streamOffset.applyAsLong(start));
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Marathon writes {@code 2017-04-01T10:00:00.000Z}; an offset instead of {@code Z} is read as well. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int end(JsonParser parser) {
        return (int) parser.currentLocation().getByteOffset();
    }

    private static int skipWhitespace(byte[] data, int from) {
        int i = from;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
