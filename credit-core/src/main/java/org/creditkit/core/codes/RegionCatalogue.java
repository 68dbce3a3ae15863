package org.creditkit.core.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GB/T 2260 region codes: the 31 provincial-level divisions of mainland China with their economic
 * zones as used by the National Bureau of Statistics, the full list of current county-level codes
 * ({@link #EDITION}, bundled as {@code gb2260-counties.txt} with its source), and every code retired
 * before it with the year it was retired and its successors ({@link #HISTORY}, bundled as
 * {@code gb2260-retired.txt}). A region code must be current or retired-and-known: a well-formed code
 * under a known province that no list ever held, such as {@code 319999}, is refused.
 *
 * <p>Whether a retired code may still be used depends on a date: see {@link Retirement}.
 */
public final class RegionCatalogue {

    /** The edition of the bundled county-level list. */
    public static final String EDITION = "GB/T 2260 county-level codes, Ministry of Civil Affairs revision 2020-12"
            + " (published 2021-12; via github.com/cn/GB2260 mca/202112.tsv)";

    /** The history of retired codes. */
    public static final String HISTORY = "GB/T 2260 year-end lists 1980-2021 of the Ministry of Civil Affairs"
            + " (via github.com/yescallop/areacodes result.csv) and revisions 2002-12 to 2016-07 of the National"
            + " Bureau of Statistics (npm package gb2260 0.6.0), against the 2020-12 list";

    private static final BitSet CODES = new BitSet(1_000_000);
    private static final Map<Integer, Retirement> RETIRED = new HashMap<>(8192);
    /** The keys of {@link #RETIRED}, for a test that boxes nothing. */
    private static final BitSet RETIRED_CODES = new BitSet(1_000_000);

    static {
        for (String line : lines("gb2260-counties.txt")) {
            int prefix = Integer.parseInt(line.substring(0, 4));
            for (String suffix : line.substring(5).trim().split(" ")) {
                if (!suffix.isEmpty()) {
                    CODES.set(prefix * 100 + Integer.parseInt(suffix));
                }
            }
        }
        for (String line : lines("gb2260-retired.txt")) {
            String[] f = line.split(" ");
            if (f.length != 5) {
                throw new IllegalStateException("gb2260-retired.txt: '" + line + "' has not 5 columns");
            }
            int code = Integer.parseInt(f[0]);
            List<String> successors = f[4].equals("-") ? List.of() : List.of(f[4].split(";"));
            Retirement r = new Retirement(f[0], f[3], Integer.parseInt(f[1]), Integer.parseInt(f[2]), successors);
            if (CODES.get(code) || RETIRED.put(code, r) != null
                    || !successors.stream().allMatch(s -> CODES.get(Integer.parseInt(s)))) {
                throw new IllegalStateException("gb2260-retired.txt: " + line
                        + " is current, listed twice or names a successor not in the current list");
            }
            RETIRED_CODES.set(code);
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = RegionCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * A code no longer in the current list: its name when it was retired, the year it was retired and
     * its successors in the current list. The ministry's year-end lists give one year
     * ({@code retiredFrom == retiredBy}); where the statistics bureau listed the code for longer, or only
     * the bureau listed it, the retirement is a window of years.
     *
     * @param code        the six-digit code
     * @param name        its name in the last list that holds it, e.g. {@code 卢湾区}
     * @param retiredFrom the first year in which it may have been retired: listed at the end of the year
     *                    before
     * @param retiredBy   the year by whose end it was retired: absent from that year's list
     * @param successors  the current codes its area went to, in code order; empty where the history names
     *                    none that can be followed with certainty
     */
    public record Retirement(String code, String name, int retiredFrom, int retiredBy, List<String> successors) {

        /** The successors, copied. */
        public Retirement {
            successors = List.copyOf(successors);
        }

        /** Whether the code was still listed on {@code date}: before the year {@link #retiredFrom}. */
        public boolean listedOn(LocalDate date) {
            return date.getYear() < retiredFrom;
        }

        /** Whether the code was retired by {@code date}: after the end of the year {@link #retiredBy}. */
        public boolean retiredBy(LocalDate date) {
            return date.getYear() > retiredBy;
        }

        /** The year it was retired, when known to the year. */
        public Optional<Integer> retiredIn() {
            return retiredFrom == retiredBy ? Optional.of(retiredBy) : Optional.empty();
        }

        /**
         * {@code 310103 (卢湾区) was retired in 2011 (GB/T 2260 lists 1980-2021); its successor in the
         * current list is 310101}.
         */
        public String describe() {
            return code + " (" + name + ") was retired " + (retiredFrom == retiredBy ? "in " + retiredBy
                    : "between " + retiredFrom + " and " + retiredBy) + " (GB/T 2260 lists 1980-2021)"
                    + (successors.isEmpty() ? "; the history names no successor that is certain"
                    : successors.size() == 1 ? "; its successor in the current list is " + successors.get(0)
                    : "; its area went to " + String.join(", ", successors) + " in the current list")
                    + sanshaHint(code);
        }
    }

    /** How many codes the bundled current list holds (provinces, prefectures and counties). */
    static int listedCount() {
        return CODES.cardinality();
    }

    /** How many retired codes the bundled history holds. */
    static int retiredCount() {
        return RETIRED.size();
    }

    /** Whether {@code code} is in the bundled current list ({@link #EDITION}). */
    public static boolean isListed(String code) {
        return problem(code) == null && CODES.get(Integer.parseInt(code));
    }

    /** Whether {@code code} is a retired code of the bundled history; allocates nothing. */
    public static boolean isRetired(String code) {
        return code.length() == 6 && sixDigits(code) && RETIRED_CODES.get(Integer.parseInt(code));
    }

    /**
     * The retirement of a code that is no longer listed but was in an earlier list.
     *
     * @param code six digits
     * @return its retirement; empty for a current or unknown code
     */
    public static Optional<Retirement> retirement(String code) {
        return isRetired(code) ? Optional.of(RETIRED.get(Integer.parseInt(code))) : Optional.empty();
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
        int n = Integer.parseInt(code);
        if (!CODES.get(n) && !RETIRED_CODES.get(n)) {
            return "region code '" + code + "' is not in the GB/T 2260 list (MCA revision 2020-12) although its "
                    + "province " + code.substring(0, 2) + " (" + provinceName(code.substring(0, 2)) + ") is, nor was it "
                    + "ever in the lists of 1980-2021; give the county-level code of the registration"
                    + sanshaHint(code);
        }
        return null;
    }

    /**
     * Where the current list has no code for a division: Sansha's districts (西沙区, 南沙区, created in
     * 2020) are named in the 2020-12 list without codes of their own.
     */
    private static String sanshaHint(String code) {
        return code.startsWith("4603") && !code.equals("460300")
                ? " (the 2020-12 list gives Sansha's districts 西沙区 and 南沙区 no codes of their own: use 460300, 三沙市)"
                : "";
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
