package io.mesosevents.streams.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The resume token of a watch, sent as each event's {@code id} and read back from {@code Last-Event-ID}:
 * {@link WatchPositions} in a compact binary form, base64url without padding. Clients must treat it as
 * opaque. Layout: version byte {@value #VERSION}; per watched type in ascending code, the type's code byte,
 * the partition count and each partition's next offset (unsigned varints); a CRC-32 of all that. The
 * checksum lets a mangled or invented token be refused instead of resuming from wrong offsets.
 */
final class WatchTokenCodec {

    private static final int VERSION = 1;
    private static final int CHECKSUM_BYTES = 4;
    /** Far above any real topic, low enough that a bogus count cannot make the decoder allocate much. */
    private static final int MAX_PARTITIONS = 100_000;

    private WatchTokenCodec() {
    }

    static String encode(WatchPositions positions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        for (WatchType type : WatchType.values()) {
            List<Long> offsets = positions.offsets().get(type);
            if (offsets == null) {
                continue;
            }
            out.write(type.code());
            writeVarint(out, offsets.size());
            offsets.forEach(offset -> writeVarint(out, offset));
        }
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        long checksum = crc.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (checksum >>> shift) & 0xff);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The positions inside {@code token}; a 400 naming {@code parameter} (the header or the query parameter it
     * came from) when it is not a token this API made.
     */
    static WatchPositions decode(String token, String parameter) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid(parameter, "not base64url");
        }
        if (bytes.length < 1 + CHECKSUM_BYTES) {
            throw invalid(parameter, "too short");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 0, bytes.length - CHECKSUM_BYTES);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - CHECKSUM_BYTES);
        long stored = ByteBuffer.wrap(bytes, bytes.length - CHECKSUM_BYTES, CHECKSUM_BYTES).getInt() & 0xffffffffL;
        if (crc.getValue() != stored) {
            throw invalid(parameter, "its checksum does not match");
        }
        if ((body.get() & 0xff) != VERSION) {
            throw invalid(parameter, "made by another version of the API");
        }
        Map<WatchType, List<Long>> offsets = new EnumMap<>(WatchType.class);
        int previousCode = 0;
        while (body.hasRemaining()) {
            int code = body.get() & 0xff;
            WatchType type = WatchType.byCode(code).orElseThrow(() -> invalid(parameter, "unknown type code " + code));
            if (code <= previousCode) {
                throw invalid(parameter, "types out of order");
            }
            previousCode = code;
            long count = readVarint(body, parameter);
            if (count < 1 || count > MAX_PARTITIONS) {
                throw invalid(parameter, "bad partition count " + count);
            }
            List<Long> partitions = new ArrayList<>();
            for (int partition = 0; partition < count; partition++) {
                partitions.add(readVarint(body, parameter));
            }
            offsets.put(type, partitions);
        }
        return new WatchPositions(offsets);
    }

    /** Seven bits per byte, low bits first; the high bit says more bytes follow. */
    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long readVarint(ByteBuffer in, String parameter) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (!in.hasRemaining()) {
                throw invalid(parameter, "truncated");
            }
            int b = in.get() & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw invalid(parameter, "an offset out of range");
    }

    private static ApiError invalid(String parameter, String why) {
        return ApiError.badParameter(parameter, "is not an event id of this API (" + why
                + "); reconnect without it to watch from now on");
    }
}
