package org.creditkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The epoch-second arithmetic against the {@code java.time} expressions it replaces. */
class CstCalendarTest {

    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final long FROM = Instant.parse("1899-12-31T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2201-01-01T00:00:00Z").getEpochSecond();

    /** Random instants 1900-2200, with month ends, the end of February and CST midnights over-represented. */
    private static Instant instant(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> Instant.ofEpochSecond(r.nextLong(FROM, TO), r.nextInt(1_000_000_000));
            case 1 -> LocalDate.of(r.nextInt(1900, 2200), r.nextInt(1, 13), 1).minusDays(r.nextInt(3))
                    .atStartOfDay(CST).toInstant().plusSeconds(r.nextInt(-2, 3));
            case 2 -> LocalDate.of(r.nextInt(1900, 2200), 3, 1).minusDays(1 + r.nextInt(2)).atTime(23, 59, 59)
                    .toInstant(CST).plusNanos(r.nextInt(-1, 2));
            default -> Instant.ofEpochSecond(r.nextLong(FROM, TO) / 86_400 * 86_400 - 28_800 + r.nextInt(-1, 2));
        };
    }

    @Test
    void monthsYearsAndDays_matchJavaTime() {
        SplittableRandom r = new SplittableRandom(17);
        for (int k = 0; k < 200_000; k++) {
            Instant i = instant(r);
            assertThat(CstCalendar.epochMonth(i)).as("%s", i)
                    .isEqualTo(YearMonth.from(i.atOffset(CST)).getLong(java.time.temporal.ChronoField.PROLEPTIC_MONTH));
            assertThat(CstCalendar.year(i)).as("%s", i).isEqualTo(i.atOffset(CST).getYear());
            assertThat(CstCalendar.epochDay(i)).as("%s", i).isEqualTo(LocalDate.ofInstant(i, CST).toEpochDay());
            int year = r.nextInt(1900, 2200);
            assertThat(CstCalendar.isBeforeNewYear(i, year)).as("%s %d", i, year)
                    .isEqualTo(i.isBefore(LocalDate.of(year, 1, 1).atStartOfDay(CST).toInstant()));
        }
    }

    @Test
    void isBeforeMinus_matchesPeriodSubtraction() {
        SplittableRandom r = new SplittableRandom(18);
        for (int k = 0; k < 200_000; k++) {
            Instant app = instant(r);
            Period p = Period.of(r.nextInt(3), r.nextInt(25), r.nextInt(400));
            Instant cutoff = app.atOffset(CST).minus(p).toInstant();
            Instant asOf = switch (r.nextInt(3)) {
                case 0 -> cutoff.plusNanos(r.nextInt(-2, 3));
                case 1 -> cutoff.plusSeconds(r.nextInt(-90_000, 90_000));
                default -> instant(r);
            };
            assertThat(CstCalendar.isBeforeMinus(asOf, app, p.toTotalMonths(), p.getDays()))
                    .as("%s minus %s vs %s", app, p, asOf).isEqualTo(asOf.isBefore(cutoff));
        }
    }

    @Test
    void isAfterPlus_matchesDurationComparison() {
        SplittableRandom r = new SplittableRandom(19);
        for (int k = 0; k < 200_000; k++) {
            Instant app = instant(r);
            Duration skew = Duration.ofSeconds(r.nextInt(20_000), r.nextInt(1_000_000_000));
            Instant asOf = switch (r.nextInt(3)) {
                case 0 -> app.plus(skew).plusNanos(r.nextInt(-2, 3));
                case 1 -> app.plusSeconds(r.nextInt(-30_000, 30_000));
                default -> instant(r);
            };
            assertThat(CstCalendar.isAfterPlus(asOf, app, skew)).as("%s + %s vs %s", app, skew, asOf)
                    .isEqualTo(Duration.between(app, asOf).compareTo(skew) > 0);
        }
    }
}
