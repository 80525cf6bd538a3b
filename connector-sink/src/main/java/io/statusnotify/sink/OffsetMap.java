package io.statusnotify.sink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which records above a committed offset are already done, written into the commit's metadata (as Confluent's
 * parallel-consumer does), so that a restart skips them instead of sending them again. Format: {@code sns1:} and
 * base64url of varint pairs (gap from the previous run's end, run length), the first gap counted from the
 * committed offset. Kept under the broker's {@code offset.metadata.max.bytes} (default 4096): runs that do not fit
 * are left out, and those records are simply delivered again (at-least-once).
 */
final class OffsetMap {
    static final String PREFIX = "sns1:";
    static final int MAX_CHARS = 4000;

    private OffsetMap() {
    }

    /** {@code done}: offsets at or above {@code base}, ascending; lower ones are ignored. */
    static String encode(long base, SortedSet<Long> done) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int maxBytes = (MAX_CHARS - PREFIX.length()) / 4 * 3;
        long previousEnd = base;
        Iterator<Long> it = done.tailSet(base).iterator();
        Long next = it.hasNext() ? it.next() : null;
        while (next != null) {
            long start = next;
            long end = start + 1;
            next = null;
            while (it.hasNext()) {
                long candidate = it.next();
                if (candidate == end) {
                    end++;
                } else {
                    next = candidate;
                    break;
                }
            }
            ByteArrayOutputStream pair = new ByteArrayOutputStream();
            writeVarLong(pair, start - previousEnd);
            writeVarLong(pair, end - start);
            if (out.size() + pair.size() > maxBytes) break;
            out.writeBytes(pair.toByteArray());
            previousEnd = end;
        }
        return out.size() == 0 ? "" : PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The done offsets recorded above {@code base}; empty for metadata this sink did not write or cannot read. */
    static SortedSet<Long> decode(long base, String metadata) {
        SortedSet<Long> done = new TreeSet<>();
        if (metadata == null || !metadata.startsWith(PREFIX)) return done;
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(metadata.substring(PREFIX.length())));
            long previousEnd = base;
            while (in.hasRemaining()) {
                long start = previousEnd + readVarLong(in);
                long length = readVarLong(in);
                for (long offset = start; offset < start + length; offset++) done.add(offset);
                previousEnd = start + length;
            }
            return done;
        } catch (RuntimeException e) {
            return new TreeSet<>();
        }
    }

    static SortedSet<Long> union(Collection<Long> a, Collection<Long> b) {
        SortedSet<Long> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
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
