package io.statusnotify.sink.offsets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Which records above a committed offset are already done, written into the commit's metadata (as Confluent's
 * parallel-consumer does), so that a restart skips them instead of sending them again. Format: {@code sns1:} and
 * base64url of varint pairs (gap from the previous run's end, run length), the first gap counted from the
 * committed offset. Kept under the broker's {@code offset.metadata.max.bytes} (default 4096): runs that do not fit
 * are left out, and those records are simply delivered again (at-least-once).
 */
public final class OffsetMap {
    public static final String PREFIX = "sns1:";
    static final int MAX_CHARS = 4000;

    private OffsetMap() {
    }

    /** {@code done}: runs of finished offsets at or above {@code base}. */
    static String encode(long base, DoneRanges done) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int maxBytes = (MAX_CHARS - PREFIX.length()) / 4 * 3;
        long[] previousEnd = {base};
        boolean[] full = {false};
        done.forEachRun((start, end) -> {
            if (full[0] || end <= base) return;
            long from = Math.max(start, base);
            ByteArrayOutputStream pair = new ByteArrayOutputStream();
            writeVarLong(pair, from - previousEnd[0]);
            writeVarLong(pair, end - from);
            if (out.size() + pair.size() > maxBytes) {
                full[0] = true;
                return;
            }
            out.writeBytes(pair.toByteArray());
            previousEnd[0] = end;
        });
        return out.size() == 0 ? "" : PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The done offsets recorded above {@code base}; empty for metadata this sink did not write or cannot read. */
    public static DoneRanges decode(long base, String metadata) {
        DoneRanges done = new DoneRanges();
        if (metadata == null || !metadata.startsWith(PREFIX)) return done;
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(metadata.substring(PREFIX.length())));
            long previousEnd = base;
            while (in.hasRemaining()) {
                long start = Math.addExact(previousEnd, readVarLong(in));
                long end = Math.addExact(start, readVarLong(in));
                done.addRun(start, end);
                previousEnd = end;
            }
            return done;
        } catch (RuntimeException e) {
            return new DoneRanges();
        }
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new IllegalArgumentException("varint too long");
    }
}
