package org.creditkit.core.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 31 provincial-level divisions of mainland China (GB/T 2260 two-digit prefixes) with their
 * economic zones as used by the National Bureau of Statistics.
 */
public final class RegionCatalogue {

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

    static String problem(String code) {
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "region code '" + code + "' must be a six-digit GB/T 2260 code, e.g. 310115";
        }
        if (!PROVINCES.containsKey(code.substring(0, 2))) {
            return "region code '" + code + "' has province prefix " + code.substring(0, 2)
                    + ", which is not a GB/T 2260 province (valid: " + String.join(", ", PROVINCES.keySet()) + ")";
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
