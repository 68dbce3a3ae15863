package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityFinding;
import org.creditkit.core.quality.DataQualityFlag;
import org.junit.jupiter.api.Test;

/**
 * A retired GB/T 2260 region code is judged on the application's date: refused when it was retired
 * before it (naming the revisions), read and flagged when it was still listed or retired around it.
 */
class RetiredRegionTest {

    private static final StrictApplicationReader READER = StrictApplicationReader.builder()
            .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The full sample with another region and, when {@code time} is given, that time and no sources. */
    private static String sample(String region, String time) throws Exception {
        ObjectNode app = (ObjectNode) JSON.readTree(ApplicationJson.write(Samples.full()));
        ((ObjectNode) app.get("enterprise")).put("region", region);
        if (time != null) {
            app.put("applicationTime", time);
            app.putObject("sources");
        }
        return JSON.writeValueAsString(app);
    }

    @Test
    void read_codeRetiredBeforeTheApplication_isRefusedNamingTheRevisionsAndTheDate() throws Exception {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(sample("310103", null)));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.enterprise.region");
            assertThat(p.message()).contains("region code 310103 (卢湾区) was retired between the GB/T 2260 revisions "
                    + "2010-10 (the last to list it) and 2011-10, before the application date 2025-07-01")
                    .contains("give the code of the registration's county in the current list").contains("(line 1, column ");
        });
    }

    @Test
    void read_codeStillListedOnTheApplicationDate_isReadAndFlagged() throws Exception {
        LoanApplication a = READER.read(sample("130521", "2016-05-01T02:00:00Z"));

        assertThat(a.enterprise().region().code()).isEqualTo("130521");
        assertThat(DataQualityChecker.standard().check(a).findings()).filteredOn(f -> f.flag()
                == DataQualityFlag.RETIRED_REGION_CODE).singleElement().extracting(DataQualityFinding::message)
                .asString().contains("130521 (邢台县) was retired between the GB/T 2260 revisions 2016-07")
                .endsWith("still listed on the application date 2016-05-01");
    }

    @Test
    void read_codeRetiredSomewhereAroundTheApplicationDate_isReadAndFlaggedAsPossiblyRetired() throws Exception {
        LoanApplication a = READER.read(sample("130521", "2019-03-01T02:00:00Z"));

        assertThat(DataQualityChecker.standard().check(a).flags()).contains(DataQualityFlag.RETIRED_REGION_CODE);
        assertThat(DataQualityChecker.standard().check(a).findings()).extracting(DataQualityFinding::message)
                .anySatisfy(m -> assertThat(m).endsWith("possibly retired by the application date 2019-03-01"));
    }

    @Test
    void read_currentCode_raisesNoRegionFlag() throws Exception {
        LoanApplication a = READER.read(sample("310115", null));

        assertThat(DataQualityChecker.standard().check(a).flags()).doesNotContain(DataQualityFlag.RETIRED_REGION_CODE);
    }
}
