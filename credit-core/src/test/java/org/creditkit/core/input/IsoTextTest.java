package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast paths must accept and reject exactly what {@link DateTimeFormatter} does, with the same values. */
class IsoTextTest {

    private static Object outcome(Function<String, Object> parser, String s) {
        try {
            return parser.apply(s);
        } catch (DateTimeException e) {
            return "rejected";
        }
    }

    private static void sameAsReference(String s) {
        assertThat(outcome(IsoText::instant, s)).as(s)
                .isEqualTo(outcome(x -> OffsetDateTime.parse(x, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), s));
        assertThat(outcome(IsoText::date, s)).as(s)
                .isEqualTo(outcome(x -> LocalDate.parse(x, DateTimeFormatter.ISO_LOCAL_DATE), s));
        assertThat(outcome(IsoText::yearMonth, s)).as(s).isEqualTo(outcome(YearMonth::parse, s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01T10:00:00+08:00", "2025-07-01T02:00:00Z", "2025-07-01T02:00:00.5Z",
            "2025-07-01T02:00:00.123456789Z", "2025-07-01T02:00:00.1234567890Z", "2025-07-01T02:00:00.Z",
            "2025-07-01T02:00Z", "2025-07-01T02:00:00+08:00:00", "2025-07-01T02:00:00+0800", "2025-07-01T02:00:00",
            "2025-07-01T24:00:00Z", "2025-07-01T23:59:60Z", "2025-02-29T00:00:00Z", "2024-02-29T00:00:00Z",
            "2025-07-01T02:00:00+18:00", "2025-07-01T02:00:00+19:00", "2025-07-01T02:00:00+08:60",
            "2025-07-01T02:00:00-00:30", "2025-07-01T02:00:00-05:30", "2025-07-01t02:00:00Z", "2025-07-01T02:00:00z",
            "2025-07-01", "2023-02-30", "2023-13-01", "2023-00-10", "0000-01-01", "+12025-01-01", "2025-7-01",
            "2025-07", "2025-13", "2025-00", "2025-7", "２０２５-07-01", "", "abcd-ef-gh"})
    void fastPaths_agreeWithTheFormatter(String s) {
        sameAsReference(s);
    }

    @Test
    void fastPaths_agreeWithTheFormatterOnRandomDigits() {
        Random random = new Random(11);
        String[] templates = {"dddd-dd-ddTdd:dd:ddZ", "dddd-dd-ddTdd:dd:dd+dd:dd", "dddd-dd-ddTdd:dd:dd-dd:dd",
                "dddd-dd-ddTdd:dd:dd.dddZ", "dddd-dd-dd", "dddd-dd"};
        for (int i = 0; i < 5000; i++) {
            String t = templates[random.nextInt(templates.length)];
            StringBuilder sb = new StringBuilder();
            for (char c : t.toCharArray()) {
                // bias towards plausible digits so that both valid and invalid values occur
                sb.append(c == 'd' ? (char) ('0' + (random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(3)))
                        : c);
            }
            sameAsReference(sb.toString());
        }
    }
}
