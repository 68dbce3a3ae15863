package org.creditkit.core.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 parsing with a fast path for the exact shapes the writer emits and most systems send
 * ({@code 2025-07-01}, {@code 2025-07}, {@code 2025-07-01T10:00:00[.fff]Z|+08:00}); anything else goes
 * to {@link DateTimeFormatter}, so the accepted language is exactly the formatter's. Both paths reject
 * impossible values ({@code 2023-02-30}) with {@link DateTimeException}.
 */
final class IsoText {

    private IsoText() {
    }

    /** {@code YYYY-MM-DD} per {@link DateTimeFormatter#ISO_LOCAL_DATE}. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** {@code YYYY-MM}. */
    static YearMonth yearMonth(String s) {
        if (s.length() == 7 && s.charAt(4) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            if (y >= 0 && m >= 0) {
                return YearMonth.of(y, m);
            }
        }
        return YearMonth.parse(s);
    }

    /** A date-time with offset per {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. */
    static Instant instant(String s) {
        Instant fast = fastInstant(s);
        return fast != null ? fast : OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|+HH:MM|-HH:MM)}, or null for any other shape. */
    private static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        int h = digits(s, 11, 13);
        int mi = digits(s, 14, 16);
        int se = digits(s, 17, 19);
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len < 1 || len > 9) {
                return null;
            }
            nanos = digits(s, start, i);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, i + 3);
            int om = digits(s, i + 4, i + 6);
            if (oh < 0 || om < 0) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
        } else {
            return null;
        }
        return LocalDateTime.of(y, mo, d, h, mi, se, nanos).toInstant(offset);
    }

    /** The decimal value of {@code s[from, to)}, or -1 if any character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
