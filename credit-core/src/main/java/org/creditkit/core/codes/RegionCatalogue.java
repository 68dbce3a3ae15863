package org.creditkit.core.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GB/T 2260 region codes: the 31 provincial-level divisions of mainland China with their economic
 * zones as used by the National Bureau of Statistics, and the full list of county-level codes
 * ({@link #EDITION}), bundled as {@code gb2260-counties.txt} with its source. A region code must be
 * in that list: a well-formed code under a known province such as {@code 319999} is refused.
 */
public final class RegionCatalogue {

    /** The edition of the bundled county-level list. */
    public static final String EDITION = "GB/T 2260 county-level codes, Ministry of Civil Affairs revision 2020-12"
            + " (published 2021-12; via github.com/cn/GB2260 mca/202112.tsv)";

    private static final java.util.BitSet CODES = load();

    private static java.util.BitSet load() {
        java.util.BitSet codes = new java.util.BitSet(1_000_000);
        try (java.io.InputStream in = RegionCatalogue.class.getResourceAsStream("gb2260-counties.txt")) {
            if (in == null) {
                throw new IllegalStateException("gb2260-counties.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int prefix = Integer.parseInt(line.substring(0, 4));
                for (String suffix : line.substring(5).trim().split(" ")) {
                    if (!suffix.isEmpty()) {
                        codes.set(prefix * 100 + Integer.parseInt(suffix));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read gb2260-counties.txt", e);
        }
        return codes;
    }

    /** How many codes the bundled list holds (provinces, prefectures and counties). */
    static int listedCount() {
        return CODES.cardinality();
    }

    /** Whether {@code code} is in the bundled county-level list ({@link #EDITION}). */
    public static boolean isListed(String code) {
        return problem(code) == null;
    }

    private record Province(String name, String chineseName, EconomicZone zone) {
    }

    private static final Map<String, Province> PROVINCES = new LinkedHashMap<>();

    static {
        put("11", "Beijing", "北京", EconomicZone.EAST);
        put("12", "Tianjin", "天津", EconomicZone.EAST);
        put("13", "Hebei", "河北", EconomicZone.EAST);
        put("14", "Shanxi", "山西", EconomicZone.CENTRAL);
        put("15", "Inner Mongolia", "内蒙古", EconomicZone.WEST);
        put("21", "Liaoning", "辽宁", EconomicZone.NORTHEAST);
        put("22", "Jilin", "吉林", EconomicZone.NORTHEAST);
        put("23", "Heilongjiang", "黑龙江", EconomicZone.NORTHEAST);
        put("31", "Shanghai", "上海", EconomicZone.EAST);
        put("32", "Jiangsu", "江苏", EconomicZone.EAST);
        put("33", "Zhejiang", "浙江", EconomicZone.EAST);
        put("34", "Anhui", "安徽", EconomicZone.CENTRAL);
        put("35", "Fujian", "福建", EconomicZone.EAST);
        put("36", "Jiangxi", "江西", EconomicZone.CENTRAL);
        put("37", "Shandong", "山东", EconomicZone.EAST);
        put("41", "Henan", "河南", EconomicZone.CENTRAL);
        put("42", "Hubei", "湖北", EconomicZone.CENTRAL);
        put("43", "Hunan", "湖南", EconomicZone.CENTRAL);
        put("44", "Guangdong", "广东", EconomicZone.EAST);
        put("45", "Guangxi", "广西", EconomicZone.WEST);
        put("46", "Hainan", "海南", EconomicZone.EAST);
        put("50", "Chongqing", "重庆", EconomicZone.WEST);
        put("51", "Sichuan", "四川", EconomicZone.WEST);
        put("52", "Guizhou", "贵州", EconomicZone.WEST);
        put("53", "Yunnan", "云南", EconomicZone.WEST);
        put("54", "Tibet", "西藏", EconomicZone.WEST);
        put("61", "Shaanxi", "陕西", EconomicZone.WEST);
        put("62", "Gansu", "甘肃", EconomicZone.WEST);
        put("63", "Qinghai", "青海", EconomicZone.WEST);
        put("64", "Ningxia", "宁夏", EconomicZone.WEST);
        put("65", "Xinjiang", "新疆", EconomicZone.WEST);
    }

    private static void put(String code, String name, String chinese, EconomicZone zone) {
        PROVINCES.put(code, new Province(name, chinese, zone));
    }

    private RegionCatalogue() {
    }

    /** The two-digit province codes in GB/T 2260 order. */
    public static List<String> provinceCodes() {
        return List.copyOf(PROVINCES.keySet());
    }

    /** English name of a province; throws for an unknown code. */
    public static String provinceName(String provinceCode) {
        return province(provinceCode).name();
    }

    /** Chinese name of a province; throws for an unknown code. */
    public static String provinceChineseName(String provinceCode) {
        return province(provinceCode).chineseName();
    }

    /** Economic zone of a province; throws for an unknown code. */
    public static EconomicZone zone(String provinceCode) {
        return province(provinceCode).zone();
    }

    private static boolean sixDigits(String code) { // a loop: the reader calls this for every document
        for (int i = 0; i < 6; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String problem(String code) {
        if (code.length() != 6 || !sixDigits(code)) {
            return "region code '" + (code.length() > 12 ? code.substring(0, 12) + "..." : code)
                    + "' must be six ASCII digits of a GB/T 2260 code, e.g. 310115";
        }
        if (!PROVINCES.containsKey(code.substring(0, 2))) {
            return "region code '" + code + "' has province prefix " + code.substring(0, 2)
                    + ", which is not a GB/T 2260 province (valid: " + String.join(", ", PROVINCES.keySet()) + ")";
        }
        if (!CODES.get(Integer.parseInt(code))) {
            return "region code '" + code + "' is not in the GB/T 2260 list (MCA revision 2020-12) although its "
                    + "province " + code.substring(0, 2) + " (" + provinceName(code.substring(0, 2)) + ") is; give the "
                    + "county-level code of the registration (codes retired before that revision are not listed)";
        }
        return null;
    }

    private static Province province(String provinceCode) {
        Province p = PROVINCES.get(provinceCode);
        if (p == null) {
            throw new IllegalArgumentException("'" + provinceCode + "' is not a GB/T 2260 province code (valid: "
                    + String.join(", ", PROVINCES.keySet()) + ")");
        }
        return p;
    }
}
