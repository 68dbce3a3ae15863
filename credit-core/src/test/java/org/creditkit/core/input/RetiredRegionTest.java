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
 * before it (naming the year and the successor), read and flagged when it was still listed or retired in
 * the year of the application.
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
            if (time.compareTo("2016") < 0) { // the sample enterprise was established in 2016
                ((ObjectNode) app.get("enterprise")).put("establishmentDate", "1990-01-01");
            }
        }
        return JSON.writeValueAsString(app);
    }

    @Test
    void read_codeRetiredBeforeTheApplication_isRefusedNamingTheYearTheSuccessorAndTheDate() throws Exception {
        CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(sample("310103", null)));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.enterprise.region");
            assertThat(p.message()).contains("region code 310103 (卢湾区) was retired in 2011 (GB/T 2260 lists "
                    + "1980-2021); its successor in the current list is 310101, before the application date 2025-07-01")
                    .contains("give the code of the registration's county in the current list").contains("(line 1, column ");
        });
    }

    @Test
    void read_codeRetiredInThe1990s_isReadBeforeItsRetirement_andRefusedAfter() throws Exception {
        LoanApplication before = READER.read(sample("132201", "1992-06-01T02:00:00Z"));
        CreditDataException after = catchThrowableOfType(CreditDataException.class,
                () -> READER.read(sample("132201", "1995-06-01T02:00:00Z")));

        assertThat(DataQualityChecker.standard().check(before).findings()).filteredOn(f -> f.flag()
                == DataQualityFlag.RETIRED_REGION_CODE).singleElement().extracting(DataQualityFinding::message)
                .asString().contains("132201 (南宫市) was retired in 1993").endsWith("still listed on the application "
                + "date 1992-06-01");
        assertThat(after.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("region code "
                + "132201 (南宫市) was retired in 1993 (GB/T 2260 lists 1980-2021); its successor in the current list "
                + "is 130581, before the application date 1995-06-01"));
    }

    @Test
    void read_codeRetiredIn2017_isReadBeforeAndFlaggedInTheYear_andRefusedAfter() throws Exception {
        LoanApplication before = READER.read(sample("130823", "2016-05-01T02:00:00Z"));
        LoanApplication inTheYear = READER.read(sample("130823", "2017-08-01T02:00:00Z"));
        CreditDataException after = catchThrowableOfType(CreditDataException.class,
                () -> READER.read(sample("130823", "2018-01-02T02:00:00Z")));

        assertThat(DataQualityChecker.standard().check(before).findings()).extracting(DataQualityFinding::message)
                .anySatisfy(m -> assertThat(m).contains("130823 (平泉县) was retired in 2017")
                        .endsWith("still listed on the application date 2016-05-01"));
        assertThat(DataQualityChecker.standard().check(inTheYear).findings()).extracting(DataQualityFinding::message)
                .anySatisfy(m -> assertThat(m).endsWith("possibly retired by the application date 2017-08-01"));
        assertThat(after.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("130823 (平泉县) was retired in 2017").contains("successor in the current list is 130881")
                .contains("before the application date 2018-01-02"));
    }

    @Test
    void read_codeThatNeverExisted_isRefusedWhateverTheDate() throws Exception {
        for (String time : new String[] {null, "1992-06-01T02:00:00Z"}) {
            CreditDataException e = catchThrowableOfType(CreditDataException.class, () -> READER.read(sample("319999", time)));

            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("region code '319999' is not in the GB/T 2260 list").contains("nor was it ever in the "
                    + "lists of 1980-2021"));
        }
    }

    @Test
    void read_currentCode_raisesNoRegionFlag() throws Exception {
        LoanApplication a = READER.read(sample("310115", null));

        assertThat(DataQualityChecker.standard().check(a).flags()).doesNotContain(DataQualityFlag.RETIRED_REGION_CODE);
    }
}
