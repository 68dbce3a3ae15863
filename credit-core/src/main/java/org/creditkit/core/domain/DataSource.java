package org.creditkit.core.domain;

/** Where a piece of data comes from: the lineage (数据血缘) every feature and reason code names. */
public enum DataSource {
    /** The application itself (self-reported by the applicant). */
    APPLICATION("application", "申请信息"),
    /** Market supervision registration (工商登记): establishment, capital, industry, region. */
    MARKET_SUPERVISION("market supervision", "市场监管"),
    /** Tax authority (税务): declared sales, tax paid, tax credit rating. */
    TAX("tax", "税务"),
    /** Social insurance (社保): insured headcount, arrears. */
    SOCIAL_INSURANCE("social insurance", "社保"),
    /** Water and electricity utilities (水电). */
    UTILITIES("utilities", "水电"),
    /** Customs (海关): import and export value. */
    CUSTOMS("customs", "海关"),
    /** Courts (司法): cases, enforcement, dishonest-debtor list. */
    COURTS("courts", "司法"),
    /** Administrative penalties (行政处罚). */
    PENALTIES("administrative penalties", "行政处罚"),
    /** Patents and trademarks (知识产权). */
    INTELLECTUAL_PROPERTY("intellectual property", "知识产权"),
    /** Financial statements (财务报表). */
    FINANCIAL_STATEMENTS("financial statements", "财务报表"),
    /** Bank credit history (银行信贷). */
    BANK_CREDIT("bank credit history", "银行信贷"),
    /** Carbon emissions accounting (碳排放). */
    CARBON("carbon emissions", "碳排放"),
    /** Supply-chain link to a core enterprise (供应链). */
    SUPPLY_CHAIN("supply chain", "供应链");

    private final String english;
    private final String chinese;

    DataSource(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** English name. */
    public String english() {
        return english;
    }

    /** Chinese name. */
    public String chinese() {
        return chinese;
    }
}
