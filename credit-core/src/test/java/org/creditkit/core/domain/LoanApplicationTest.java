package org.creditkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
}
