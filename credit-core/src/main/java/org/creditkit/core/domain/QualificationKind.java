package org.creditkit.core.domain;

/**
 * A qualification the state grants an enterprise and loan products may require (准入资质). Each is a
 * certificate with an issue date and an expiry date; see {@link Qualification}.
 */
public enum QualificationKind {
    /** High and new technology enterprise (高新技术企业), certified for three years. */
    HIGH_TECH_ENTERPRISE("高新技术企业"),
    /** Specialised, refined, distinctive and innovative SME (专精特新中小企业), recognised for three years. */
    SPECIALISED_INNOVATIVE_SME("专精特新中小企业"),
    /** Specialised and innovative "little giant" (专精特新"小巨人"企业), the national tier, for three years. */
    LITTLE_GIANT("专精特新\u201C小巨人\u201D企业"),
    /** Technology-based SME (科技型中小企业), registered year by year. */
    TECH_SME("科技型中小企业");

    private final String zh;

    QualificationKind(String zh) {
        this.zh = zh;
    }

    /**
     * The Chinese name, as on the certificate.
     *
     * @return e.g. {@code 高新技术企业}
     */
    public String zh() {
        return zh;
    }
}
