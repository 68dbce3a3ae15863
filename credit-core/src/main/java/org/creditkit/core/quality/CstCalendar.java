package org.creditkit.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/**
 * Calendar arithmetic in China Standard Time (UTC+08:00, no daylight saving) on epoch seconds, so the
 * data-quality checks on a clean application allocate nothing: {@code Instant.atOffset} builds the
 * offset's {@code ZoneRules} and a date-time per call. Each method gives what the named
 * {@code java.time} expression gives (tested against it); days and months follow the proleptic
 * Gregorian calendar of {@code java.time}, converted with Howard Hinnant's {@code days_from_civil} and
 * {@code civil_from_days} ("chrono-Compatible Low-Level Date Algorithms", 2013).
 */
final class CstCalendar {

    private static final long OFFSET = 8 * 3600;
    private static final long DAY = 86_400;
    private static final long NANOS = 1_000_000_000;

    private CstCalendar() {
    }

    /** {@code ym.getProlepticMonth()}: year * 12 + month - 1. */
    static long epochMonth(YearMonth ym) {
        return ym.getYear() * 12L + ym.getMonthValue() - 1;
    }

    /** {@code YearMonth.from(i.atOffset(CST)).getProlepticMonth()}. */
    static long epochMonth(Instant i) {
        return civil(epochDay(i)) >> 5;
    }

    /** {@code i.atOffset(CST).getYear()}. */
    static long year(Instant i) {
        return Math.floorDiv(epochMonth(i), 12);
    }

    /** {@code asOf.isBefore(app.atOffset(CST).minus(Period.of(0, months, days)).toInstant())}. */
    static boolean isBeforeMinus(Instant asOf, Instant app, long months, long days) {
        long local = app.getEpochSecond() + OFFSET;
        long secondOfDay = Math.floorMod(local, DAY);
        long c = civil(Math.floorDiv(local, DAY));
        long month = (c >> 5) - months;
        long y = Math.floorDiv(month, 12);
        int m = Math.floorMod(month, 12) + 1;
        int d = (int) Math.min(c & 31, lengthOfMonth(y, m));
        long cutoff = (daysFromCivil(y, m, d) - days) * DAY + secondOfDay - OFFSET;
        return asOf.getEpochSecond() < cutoff || asOf.getEpochSecond() == cutoff && asOf.getNano() < app.getNano();
    }

    /** {@code Duration.between(app, asOf).compareTo(skew) > 0}. */
    static boolean isAfterPlus(Instant asOf, Instant app, Duration skew) {
        long s = app.getEpochSecond() + skew.getSeconds();
        long n = (long) app.getNano() + skew.getNano();
        if (n >= NANOS) {
            s++;
            n -= NANOS;
        }
        return asOf.getEpochSecond() > s || asOf.getEpochSecond() == s && asOf.getNano() > n;
    }

    /** {@code i.isBefore(LocalDate.of(year, 1, 1).atStartOfDay(CST).toInstant())}. */
    static boolean isBeforeNewYear(Instant i, long year) {
        return i.getEpochSecond() < daysFromCivil(year, 1, 1) * DAY - OFFSET;
    }

    /** The CST day since 1970-01-01 of an instant. */
    static long epochDay(Instant i) {
        return Math.floorDiv(i.getEpochSecond() + OFFSET, DAY);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The date of an epoch day, packed as {@code (year * 12 + month - 1) << 5 | day}. */
    static long civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return (y * 12 + m - 1) << 5 | d;
    }

    private static int lengthOfMonth(long y, int m) {
        if (m == 2) {
            return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28;
        }
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }
}
