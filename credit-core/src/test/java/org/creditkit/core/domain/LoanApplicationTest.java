package org.creditkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;

class LoanApplicationTest {

    private static LoanApplication at(String instant) {
        LoanApplication a = PortfolioGenerator.of(GeneratorConfig.builder().count(1).seed(1).build()).generate(0)
                .application();
        return new LoanApplication(a.id(), Instant.parse(instant), a.product(), a.amount(), a.termMonths(),
                a.purpose(), a.guarantee(), a.dataUseConsent(), a.enterprise(), a.sources());
    }

    @Test
    void decisionDate_isTheCalendarDayInChinaTime_notUtc() {
        assertThat(at("2024-03-31T15:59:59Z").decisionDate()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(at("2024-03-31T16:00:00Z").decisionDate()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(LoanApplication.decisionDate(Instant.parse("2024-12-31T23:30:00Z")))
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void decisionDate_agreesWithJavaTime_onEveryInstantTried() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            // seconds across 1800..2200, with and without nanoseconds, both signs of the epoch
            Instant t = Instant.ofEpochSecond(r.nextLong(-5_364_662_400L, 7_258_118_400L),
                    i % 2 == 0 ? 0 : r.nextInt(1_000_000_000));
            assertThat(LoanApplication.decisionDate(t)).as("%s", t)
                    .isEqualTo(LocalDate.ofInstant(t, LoanApplication.CHINA_TIME));
        }
        for (long s = -86_400L * 2; s <= 86_400L * 2; s += 1_800) { // around midnight CST and the epoch
            Instant t = Instant.ofEpochSecond(s);
            assertThat(LoanApplication.decisionDate(t)).as("%s", t)
                    .isEqualTo(LocalDate.ofInstant(t, LoanApplication.CHINA_TIME));
            Instant before = t.minusNanos(1);
            assertThat(LoanApplication.decisionDate(before)).as("%s", before)
                    .isEqualTo(LocalDate.ofInstant(before, LoanApplication.CHINA_TIME));
        }
    }

    @Test
    void sourceLineage_namesEachPresentSourceOnce_inTheOrderAsked_andSkipsAbsentOnes() {
        List<DataSource> asked = List.of(DataSource.CARBON, DataSource.APPLICATION, DataSource.TAX,
                DataSource.MARKET_SUPERVISION, DataSource.COURTS, DataSource.SUPPLY_CHAIN, DataSource.PENALTIES,
                DataSource.FINANCIAL_STATEMENTS, DataSource.SOCIAL_INSURANCE, DataSource.UTILITIES, DataSource.CUSTOMS,
                DataSource.INTELLECTUAL_PROPERTY, DataSource.BANK_CREDIT);
        assertThat(asked).containsExactlyInAnyOrder(DataSource.values());
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(300).seed(5).build());
        int absentSeen = 0;
        for (int i = 0; i < 300; i++) {
            LoanApplication a = g.generate(i).application();
            List<SourceLineage> expected = new java.util.ArrayList<>();
            for (DataSource s : asked) { // the reference: a scan of the present records
                if (s == DataSource.APPLICATION || s == DataSource.MARKET_SUPERVISION) {
                    expected.add(new SourceLineage(s, SourceLineage.APPLICATION_SYSTEM, a.applicationTime()));
                }
                for (SourceRecord rec : a.sources().present()) {
                    if (rec.source() == s) {
                        expected.add(new SourceLineage(s, rec.provenance().sourceSystem(), rec.provenance().asOf()));
                    }
                }
            }
            absentSeen += asked.size() - expected.size();
            assertThat(SourceLineage.of(asked, a)).as(a.id()).containsExactlyElementsOf(expected);
            List<DataSource> two = asked.subList(0, 2);
            assertThat(SourceLineage.of(two, a)).as(a.id())
                    .containsExactlyElementsOf(expected.stream().filter(l -> two.contains(l.source())).toList());
        }
        assertThat(absentSeen).isPositive();
    }
}
