package org.creditkit.core.score.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.Samples;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.junit.jupiter.api.Test;

class CachingScorerTest {

    private final CompositeScorer scorer = ModelBundle.defaultBundle().scorer();
    private final FeatureExtractor extractor = FeatureExtractor.standard();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    private CachingScorer cache(long size, Duration expiry) {
        return CachingScorer.builder().maximumSize(size).expireAfterWrite(expiry).ticker(nanos::get).build(app -> {
            computed.incrementAndGet();
            return scorer.score(extractor.extract(app), app.enterprise().industry());
        });
    }

    /** The same enterprise with newer tax data (a later as-of). */
    private static LoanApplication newerTax(LoanApplication a) {
        TaxRecord t = a.sources().tax().orElseThrow();
        TaxRecord newer = new TaxRecord(Provenance.of(t.provenance().sourceSystem(),
                t.provenance().asOf().plusSeconds(3600)), t.declaredSales(), t.taxPaid(), t.ratings());
        SourceData s = a.sources();
        return Samples.withSources(a, new SourceData(java.util.Optional.of(newer), s.socialInsurance(), s.utilities(),
                s.customs(), s.courts(), s.penalties(), s.intellectualProperty(), s.financials(), s.bankCredit(),
                s.carbon(), s.supplyChain()));
    }

    @Test
    void score_sameEnterpriseAndData_isComputedOnce() {
        CachingScorer c = cache(100, Duration.ofHours(4));
        LoanApplication a = Samples.full();
        ScoreResult first = c.score(a);
        ScoreResult second = c.score(a);
        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
        assertThat(c.stats().hits()).isEqualTo(1);
        assertThat(c.stats().misses()).isEqualTo(1);
        assertThat(c.stats().hitRate()).isEqualTo(0.5);
    }

    @Test
    void score_newSourceVersionOrDifferentRequest_isANewKey() {
        CachingScorer c = cache(100, Duration.ofHours(4));
        LoanApplication a = Samples.full();
        c.score(a);
        c.score(newerTax(a));
        LoanApplication bigger = new LoanApplication(a.id(), a.applicationTime(), a.product(),
                a.amount().multiply(BigDecimal.TEN), a.termMonths(), a.purpose(), a.guarantee(), a.dataUseConsent(),
                a.enterprise(), a.sources());
        c.score(bigger);
        assertThat(computed).hasValue(3);
        // the application time alone is not part of the data version
        LoanApplication later = new LoanApplication("other-id", a.applicationTime().plusSeconds(60), a.product(),
                a.amount(), a.termMonths(), a.purpose(), a.guarantee(), a.dataUseConsent(), a.enterprise(), a.sources());
        c.score(later);
        assertThat(computed).hasValue(3);
        assertThat(CachingScorer.dataVersion(a)).isEqualTo(CachingScorer.dataVersion(later))
                .isNotEqualTo(CachingScorer.dataVersion(newerTax(a)));
    }

    @Test
    void invalidate_dropsEveryEntryOfThatEnterpriseOnly() {
        CachingScorer c = cache(100, Duration.ofHours(4));
        LoanApplication a = Samples.full();
        LoanApplication other = Samples.bare();
        c.score(a);
        c.score(newerTax(a));
        c.score(other);
        boolean sameFirm = other.enterprise().uscc().equals(a.enterprise().uscc());
        assertThat(c.invalidate(a.enterprise().uscc())).isEqualTo(sameFirm ? 3 : 2);
        c.score(a);
        assertThat(computed).hasValue(4);
        if (!sameFirm) {
            c.score(other);
            assertThat(computed).hasValue(4);
        }
    }

    @Test
    void score_afterExpiry_isRecomputed() {
        CachingScorer c = cache(100, Duration.ofHours(4));
        LoanApplication a = Samples.full();
        c.score(a);
        nanos.addAndGet(Duration.ofHours(3).toNanos());
        c.score(a);
        assertThat(computed).hasValue(1);
        nanos.addAndGet(Duration.ofHours(1).plusSeconds(1).toNanos());
        c.score(a);
        assertThat(computed).hasValue(2);
    }

    @Test
    void score_callerSuppliedVersion_keysOnIt() {
        CachingScorer c = cache(100, Duration.ofHours(4));
        LoanApplication a = Samples.full();
        c.score(a, "v1");
        c.score(newerTax(a), "v1");
        assertThat(computed).hasValue(1);
        c.score(a, "v2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void size_isBounded() {
        CachingScorer c = cache(2, Duration.ofHours(4));
        LoanApplication a = Samples.full();
        for (int i = 0; i < 10; i++) {
            c.score(a, "v" + i);
        }
        c.cleanUp();
        assertThat(c.stats().size()).isLessThanOrEqualTo(2);
        assertThat(c.stats().evictions()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void builder_rejectsNonPositiveSettings() {
        assertThatThrownBy(() -> CachingScorer.builder().maximumSize(0)).hasMessageContaining("maximumSize must be > 0");
        assertThatThrownBy(() -> CachingScorer.builder().expireAfterWrite(Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
