package org.creditkit.core.chain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a {@link ChainWriter} closes its file with a checkpoint and continues the chain in the next
 * part ({@code decisions.jsonl}, {@code decisions.2.jsonl}, {@code decisions.3.jsonl} ...).
 *
 * @param maxBytes start a new part before a line would make the file larger than this
 *     ({@link Long#MAX_VALUE}: never by size)
 * @param dailyZone the zone whose calendar day {@link #byDay()} follows
 * @param byDay whether a new part starts each day
 */
public record Rotation(long maxBytes, ZoneId dailyZone, boolean byDay) {

    /** Checks the size limit. */
    public Rotation {
        Objects.requireNonNull(dailyZone, "dailyZone");
        if (maxBytes < 4096) {
            throw new IllegalArgumentException("a rotation size of " + maxBytes + " bytes is too small; use >= 4096");
        }
    }

    /**
     * Never rotate.
     *
     * @return the rotation
     */
    public static Rotation none() {
        return new Rotation(Long.MAX_VALUE, ZoneId.of("UTC"), false);
    }

    /**
     * Rotate before a file exceeds a size.
     *
     * @param maxBytes the largest part, at least 4096 bytes
     * @return the rotation
     */
    public static Rotation bySize(long maxBytes) {
        return new Rotation(maxBytes, ZoneId.of("UTC"), false);
    }

    /**
     * Rotate when the day changes in a zone.
     *
     * @param zone the zone, e.g. {@code Asia/Shanghai}
     * @return the rotation
     */
    public static Rotation daily(ZoneId zone) {
        return new Rotation(Long.MAX_VALUE, zone, true);
    }

    /**
     * This rotation, also by size.
     *
     * @param bytes the largest part
     * @return the rotation
     */
    public Rotation andSize(long bytes) {
        return new Rotation(bytes, dailyZone, byDay);
    }

    /** Whether a line of {@code lineBytes} written at {@code now} needs a new part. */
    boolean due(long fileBytes, long lineBytes, LocalDate partDay, Instant now) {
        if (fileBytes > 0 && fileBytes + lineBytes > maxBytes) {
            return true;
        }
        return byDay && !LocalDate.ofInstant(now, dailyZone).equals(partDay);
    }

    /** The day of {@code now} in this rotation's zone. */
    LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, dailyZone);
    }
}
