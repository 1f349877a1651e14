package io.mesosevents.simulator.mesos;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a protobuf message as the Mesos master's JSON, straight to a stream: proto field names,
 * enums by name, bytes as Base64 and — unlike {@code JsonFormat}, which quotes them — 64-bit
 * integers as JSON numbers. Only set fields are written, in declaration order.
 */
final class MesosJson {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;

    private MesosJson(OutputStream out) {
        this.out = out;
    }

    static void write(MessageOrBuilder message, OutputStream out) throws IOException {
        MesosJson json = new MesosJson(out);
        json.message(message);
        json.out.write(json.buffer, 0, json.position);
    }

    private void message(MessageOrBuilder message) throws IOException {
        put('{');
        boolean first = true;
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            boolean present = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
            if (!present) {
                continue;
            }
            if (!first) {
                put(',');
            }
            first = false;
            string(field.getName());
            put(':');
            if (field.isMapField()) {
                map(message, field);
            } else if (field.isRepeated()) {
                put('[');
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    if (i > 0) {
                        put(',');
                    }
                    value(field, message.getRepeatedField(field, i));
                }
                put(']');
            } else {
                value(field, message.getField(field));
            }
        }
        put('}');
    }

    /** Map entries are messages with a key (field 1) and a value (field 2); JSON keys are strings. */
    private void map(MessageOrBuilder message, FieldDescriptor field) throws IOException {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        put('{');
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            MessageOrBuilder entry = (MessageOrBuilder) message.getRepeatedField(field, i);
            if (i > 0) {
                put(',');
            }
            Object keyValue = entry.getField(key);
            string(key.getJavaType() == FieldDescriptor.JavaType.STRING ? (String) keyValue : integerText(key, keyValue));
            put(':');
            value(value, entry.getField(value));
        }
        put('}');
    }

    private void value(FieldDescriptor field, Object value) throws IOException {
        switch (field.getJavaType()) {
            case MESSAGE -> message((MessageOrBuilder) value);
            case STRING -> string((String) value);
            case BYTE_STRING -> {
                put('"');
                ascii(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
                put('"');
            }
            case ENUM -> {
                EnumValueDescriptor symbol = (EnumValueDescriptor) value;
                // A number the descriptor does not know has no name to write.
                if (symbol.getIndex() >= 0) {
                    string(symbol.getName());
                } else {
                    ascii(Integer.toString(symbol.getNumber()));
                }
            }
            case FLOAT, DOUBLE -> {
                double number = ((Number) value).doubleValue();
                // JSON has no NaN or infinities; protobuf's JSON mapping writes them as strings.
                if (Double.isFinite(number)) {
                    ascii(value.toString());
                } else {
                    string(value.toString());
                }
            }
            case BOOLEAN -> ascii(value.toString());
            case INT, LONG -> ascii(integerText(field, value));
        }
    }

    private static String integerText(FieldDescriptor field, Object value) {
        return switch (field.getType()) {
            case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) value);
            case UINT64, FIXED64 -> Long.toUnsignedString((Long) value);
            default -> value.toString();
        };
    }

    private void string(String text) throws IOException {
        put('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                put('\\');
                put(c);
            } else if (c < 0x20) {
                put('\\');
                put('u');
                put('0');
                put('0');
                put(HEX[c >> 4]);
                put(HEX[c & 0xF]);
            } else if (c < 0x80) {
                put(c);
            } else if (c < 0x800) {
                put(0xC0 | (c >> 6));
                put(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                put(0xF0 | (codePoint >> 18));
                put(0x80 | ((codePoint >> 12) & 0x3F));
                put(0x80 | ((codePoint >> 6) & 0x3F));
                put(0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; String.getBytes writes '?' too.
                put('?');
            } else {
                put(0xE0 | (c >> 12));
                put(0x80 | ((c >> 6) & 0x3F));
                put(0x80 | (c & 0x3F));
            }
        }
        put('"');
    }

    private void ascii(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            put(text.charAt(i));
        }
    }

    private void put(int b) throws IOException {
        if (position == buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        buffer[position++] = (byte) b;
    }
}
