package org.creditkit.core.synth;

import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.codes.EconomicZone;
import org.creditkit.core.codes.RegionCode;

/**
 * The regional mix: provinces weighted roughly by their number of SMEs (the east dominates), each
 * with a few real GB/T 2260 district codes and the city name used in enterprise names.
 */
final class Regions {

    /** One district. */
    record District(RegionCode code, String city, EconomicZone zone) {
    }

    static final List<District> DISTRICTS = new ArrayList<>();
    static final double[] CUMULATIVE;

    static {
        List<Double> weights = new ArrayList<>();
        // province weight (percent), then district code / city pairs
        add(weights, 13, "440106", "广州市", "440305", "深圳市", "441900", "东莞市", "440604", "佛山市");
        add(weights, 11, "320102", "南京市", "320505", "苏州市", "320211", "无锡市");
        add(weights, 10, "330106", "杭州市", "330203", "宁波市", "330782", "义乌市");
        add(weights, 8, "370102", "济南市", "370202", "青岛市", "370602", "烟台市");
        add(weights, 5, "410105", "郑州市", "410302", "洛阳市");
        add(weights, 4, "110105", "北京市", "110108", "北京市");
        add(weights, 4, "310115", "上海市", "310104", "上海市");
        add(weights, 4, "350102", "福州市", "350203", "厦门市", "350582", "晋江市");
        add(weights, 4, "420106", "武汉市", "420502", "宜昌市");
        add(weights, 4, "510104", "成都市", "510704", "绵阳市");
        add(weights, 4, "130102", "石家庄市", "130203", "唐山市");
        add(weights, 3.5, "340104", "合肥市", "340202", "芜湖市");
        add(weights, 3, "430102", "长沙市", "430202", "株洲市");
        add(weights, 2.5, "500105", "重庆市", "500112", "重庆市");
        add(weights, 2, "360102", "南昌市", "360403", "九江市");
        add(weights, 2, "610113", "西安市");
        add(weights, 2, "210102", "沈阳市", "210204", "大连市");
        add(weights, 1.5, "450102", "南宁市", "450203", "柳州市");
        add(weights, 1.5, "530102", "昆明市");
        add(weights, 1.5, "140105", "太原市");
        add(weights, 1.2, "120116", "天津市");
        add(weights, 1, "520102", "贵阳市");
        add(weights, 1, "220102", "长春市");
        add(weights, 1, "230102", "哈尔滨市");
        add(weights, 0.8, "150102", "呼和浩特市");
        add(weights, 0.8, "650102", "乌鲁木齐市");
        add(weights, 0.6, "620102", "兰州市");
        add(weights, 0.5, "460106", "海口市");
        add(weights, 0.3, "640104", "银川市");
        add(weights, 0.3, "630102", "西宁市");
        add(weights, 0.1, "540102", "拉萨市");
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        CUMULATIVE = Rng.cumulative(w);
    }

    private Regions() {
    }

    private static void add(List<Double> weights, double provinceWeight, String... codeCity) {
        int n = codeCity.length / 2;
        for (int i = 0; i < n; i++) {
            RegionCode code = RegionCode.of(codeCity[2 * i]);
            DISTRICTS.add(new District(code, codeCity[2 * i + 1], code.zone()));
            weights.add(provinceWeight / n);
        }
    }
}
