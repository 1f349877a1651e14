package io.mesosevents.mesos;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two encodings of the Mesos Operator API, named by their media types. Messages are the
 * generated classes of the {@code org.apache.mesos:mesos} jar in both encodings; JSON uses the
 * proto field names (snake_case) as the master does.
 */
public enum MesosEncoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    // Fields and enum values added by newer masters must not make a message unreadable.
    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();

    private final String mediaType;

    MesosEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The encoding whose media type {@code contentType} names (parameters such as charset ignored). */
    public static Optional<MesosEncoding> forMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(encoding -> encoding.mediaType.equalsIgnoreCase(bare)).findFirst();
    }

    public byte[] encode(Message message) {
        if (this == PROTOBUF) {
            return message.toByteArray();
        }
        try {
            return JSON_PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Cannot print " + message.getDescriptorForType().getFullName() + " as JSON", e);
        }
    }

    /** Decodes {@code bytes} into {@code builder}; a malformed message fails with the parser's reason. */
    public <B extends Message.Builder> B decode(byte[] bytes, B builder) throws InvalidProtocolBufferException {
        if (this == PROTOBUF) {
            builder.mergeFrom(bytes);
        } else {
            JSON_PARSER.merge(new String(bytes, StandardCharsets.UTF_8), builder);
        }
        return builder;
    }
}
