package org.creditkit.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCatalogueTest {

    @Test
    void provinceCodes_are31MainlandProvincialDivisionsInOrder() {
        assertThat(RegionCatalogue.provinceCodes()).hasSize(31).isSorted()
                .startsWith("11", "12", "13").endsWith("64", "65")
                .doesNotContain("71", "81", "82");
    }

    @Test
    void zones_followTheNationalBureauOfStatisticsGrouping() {
        Map<EconomicZone, Long> counts = RegionCatalogue.provinceCodes().stream()
                .collect(Collectors.groupingBy(RegionCatalogue::zone, Collectors.counting()));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(EconomicZone.EAST, 10L,
                EconomicZone.CENTRAL, 6L, EconomicZone.WEST, 12L, EconomicZone.NORTHEAST, 3L));
    }

    @ParameterizedTest
    @CsvSource({"110105, Beijing, 北京, EAST", "310115, Shanghai, 上海, EAST", "440305, Guangdong, 广东, EAST",
            "140105, Shanxi, 山西, CENTRAL", "420106, Hubei, 湖北, CENTRAL", "610113, Shaanxi, 陕西, WEST",
            "150102, Inner Mongolia, 内蒙古, WEST", "450103, Guangxi, 广西, WEST", "500103, Chongqing, 重庆, WEST",
            "210102, Liaoning, 辽宁, NORTHEAST", "230103, Heilongjiang, 黑龙江, NORTHEAST",
            "460105, Hainan, 海南, EAST", "540102, Tibet, 西藏, WEST"})
    void of_knownCode_hasProvinceAndZone(String code, String province, String chinese, EconomicZone zone) {
        RegionCode r = RegionCode.of(code);

        assertThat(r.province()).isEqualTo(province);
        assertThat(RegionCatalogue.provinceChineseName(r.provinceCode())).isEqualTo(chinese);
        assertThat(r.zone()).isEqualTo(zone);
        assertThat(r).hasToString(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31011", "3101150", "31011A", "", " 31011"})
    void of_notSixDigits_isRejectedWithAnExample(String code) {
        assertThatThrownBy(() -> RegionCode.of(code)).isInstanceOf(org.creditkit.core.CreditDataException.class)
                .hasMessageContaining("six ASCII digits of a GB/T 2260 code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"710000", "810000", "820000", "990101", "000000", "160101"})
    void of_unknownProvincePrefix_isRejectedListingValidOnes(String code) {
        assertThatThrownBy(() -> RegionCode.of(code)).isInstanceOf(org.creditkit.core.CreditDataException.class)
                .hasMessageContaining("is not a GB/T 2260 province").hasMessageContaining("11, 12, 13");
    }

    @Test
    void zone_unknownProvince_isRejected() {
        assertThatThrownBy(() -> RegionCatalogue.zone("99")).hasMessageContaining("not a GB/T 2260 province code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"319999", "310100", "110199", "440399", "650199", "460301"})
    void of_wellFormedCodeNeitherCurrentNorEverListed_isRefusedNamingTheEdition(String code) {
        assertThatThrownBy(() -> RegionCode.of(code)).isInstanceOf(org.creditkit.core.CreditDataException.class)
                .hasMessageContaining("not in the GB/T 2260 list (MCA revision 2020-12)")
                .hasMessageContaining("nor was it ever in the lists of 1980-2021");
    }

    @Test
    void of_retiredCode_isReadWithTheYearItWasRetiredAndItsSuccessor() {
        RegionCode luwan = RegionCode.of("310103");

        assertThat(RegionCatalogue.isListed("310103")).isFalse();
        assertThat(luwan.zone()).isEqualTo(EconomicZone.EAST);
        RegionCatalogue.Retirement r = luwan.retirement().orElseThrow();
        assertThat(r.name()).isEqualTo("卢湾区");
        assertThat(r.retiredIn()).contains(2011);
        assertThat(r.successors()).containsExactly("310101");
        assertThat(r.listedOn(java.time.LocalDate.of(2010, 12, 31))).isTrue();
        assertThat(r.listedOn(java.time.LocalDate.of(2011, 1, 1))).isFalse();
        assertThat(r.retiredBy(java.time.LocalDate.of(2011, 12, 31))).isFalse();
        assertThat(r.retiredBy(java.time.LocalDate.of(2012, 1, 1))).isTrue();
        assertThat(r.describe()).isEqualTo("310103 (卢湾区) was retired in 2011 (GB/T 2260 lists 1980-2021); its "
                + "successor in the current list is 310101");
        assertThat(RegionCode.of("310115").retirement()).isEmpty();
    }

    @Test
    void of_codeRetiredInThe1990s_isKnownWithItsYear_andItsSuccessorFollowedThroughARetiredCode() {
        // 南宫市 of 邢台地区: retired in 1993 for 139013 (a city under the province), itself retired in 1995
        // for 130581, the 南宫市 of today
        RegionCatalogue.Retirement r = RegionCode.of("132201").retirement().orElseThrow();

        assertThat(r.retiredIn()).contains(1993);
        assertThat(r.successors()).containsExactly("130581");
        assertThat(r.describe()).isEqualTo("132201 (南宫市) was retired in 1993 (GB/T 2260 lists 1980-2021); its "
                + "successor in the current list is 130581");
    }

    @Test
    void of_codeRetiredBetween2016And2021_hasItsExactYear() {
        assertThat(RegionCatalogue.retirement("130823").orElseThrow().retiredIn()).contains(2017); // 平泉县 -> 平泉市
        assertThat(RegionCatalogue.retirement("130521").orElseThrow().describe()).isEqualTo("130521 (邢台县) was "
                + "retired in 2020 (GB/T 2260 lists 1980-2021); its area went to 130502, 130503 in the current list");
        assertThat(RegionCatalogue.retirement("330103").orElseThrow().retiredIn()).contains(2021); // 下城区
    }

    @Test
    void successor_renumberedInBetween_isLeftOutRatherThanGuessed() {
        // 栾城县 of 石家庄地区 (retired 1986) went to 130123, which was then 栾城县 and is now 正定县
        RegionCatalogue.Retirement r = RegionCatalogue.retirement("132327").orElseThrow();

        assertThat(r.successors()).isEmpty();
        assertThat(r.describe()).endsWith("was retired in 1986 (GB/T 2260 lists 1980-2021); the history names no "
                + "successor that is certain");
    }

    @Test
    void retirement_listedLongerByTheStatisticsBureau_isAWindowOfYears() {
        RegionCatalogue.Retirement r = RegionCatalogue.retirement("410211").orElseThrow(); // 金明区

        assertThat(r.retiredIn()).isEmpty();
        assertThat(r.describe()).startsWith("410211 (金明区) was retired between 2014 and 2016 ");
        assertThat(r.listedOn(java.time.LocalDate.of(2013, 12, 31))).isTrue();
        assertThat(r.retiredBy(java.time.LocalDate.of(2016, 12, 31))).isFalse();
        assertThat(r.retiredBy(java.time.LocalDate.of(2017, 1, 1))).isTrue();
    }

    @Test
    void sansha_islandUnitsOf2012To2015_areRetired_andTheDistrictsWithoutCodes_pointAt460300() {
        // 西沙群岛, 南沙群岛, 中沙群岛的岛礁及其海域: county-level under 三沙市 in the statistics bureau's
        // revisions 2012-10 .. 2015-09; the 2020-12 list names 西沙区 and 南沙区 (2020) without codes
        for (String code : new String[] {"460321", "460322", "460323"}) {
            RegionCatalogue.Retirement r = RegionCatalogue.retirement(code).orElseThrow();
            assertThat(r.retiredFrom()).isEqualTo(2015);
            assertThat(r.retiredBy()).isEqualTo(2016);
            assertThat(r.describe()).contains("use 460300, 三沙市");
        }
        assertThat(RegionCatalogue.isListed("460300")).isTrue();
        assertThatThrownBy(() -> RegionCode.of("460302")).hasMessageContaining("use 460300, 三沙市");
    }

    @Test
    void retiredResource_isSortedWithoutDuplicates_noCodeIsAlsoCurrent_andEverySuccessorIsCurrent() throws Exception {
        java.util.List<String> lines;
        try (var in = RegionCatalogue.class.getResourceAsStream("gb2260-retired.txt")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        String previous = "";
        for (String line : lines) {
            String[] f = line.split(" ");
            assertThat(f).as(line).hasSize(5);
            assertThat(f[0]).as("sorted, no duplicate").isGreaterThan(previous);
            previous = f[0];
            assertThat(RegionCatalogue.isListed(f[0])).as(line).isFalse();
            assertThat(RegionCatalogue.isRetired(f[0])).as(line).isTrue();
            assertThat(Integer.parseInt(f[1])).as(line).isBetween(1981, 2021).isLessThanOrEqualTo(Integer.parseInt(f[2]));
            if (!f[4].equals("-")) {
                assertThat(f[4].split(";")).as(line).allSatisfy(s -> assertThat(RegionCatalogue.isListed(s)).isTrue());
            }
        }
        assertThat(lines).hasSize(RegionCatalogue.retiredCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110000", "310115", "310151", "440300", "441900", "419001", "469030", "659011",
        "540630", "230751", "520581"})
    void of_listedProvincePrefectureOrCountyCode_isValid(String code) {
        assertThat(RegionCode.of(code).code()).isEqualTo(code);
        assertThat(RegionCatalogue.isListed(code)).isTrue();
    }

    @Test
    void countyList_holdsEveryCodeOfTheEdition() {
        // 34 provincial-level (31 mainland, Taiwan, Hong Kong, Macao), 333 prefecture-level and 2841
        // county-level codes of the 2020-12 list
        assertThat(RegionCatalogue.listedCount()).isEqualTo(34 + 333 + 2841);
        // codes of the lists 1980-2021 not in it (gb2260-retired.txt)
        assertThat(RegionCatalogue.retiredCount()).isEqualTo(3562);
    }
}
