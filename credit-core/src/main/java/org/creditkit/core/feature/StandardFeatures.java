package org.creditkit.core.feature;

import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.domain.DataSource;

/**
 * The built-in SME indicator catalogue, version {@value #VERSION}. Positions are fixed within a
 * version: {@link FeatureExtractor} writes feature {@code i} at index {@code i}. Each constant below
 * is that feature's index.
 */
public final class StandardFeatures {

    /** Catalogue version recorded in model bundles. */
    public static final String VERSION = "creditkit-sme/1";
    /** Index of {@code debt_to_asset}: Total liabilities over total assets. */
    public static final int DEBT_TO_ASSET = 0;
    /** Index of {@code current_ratio}: Current assets over current liabilities. */
    public static final int CURRENT_RATIO = 1;
    /** Index of {@code net_margin}: Net profit over revenue. */
    public static final int NET_MARGIN = 2;
    /** Index of {@code return_on_assets}: Net profit over total assets. */
    public static final int RETURN_ON_ASSETS = 3;
    /** Index of {@code ocf_to_liabilities}: Operating cash flow over total liabilities. */
    public static final int OCF_TO_LIABILITIES = 4;
    /** Index of {@code cash_flow_volatility}: Volatility of monthly declared sales over the last 12 months (coefficient of variation). */
    public static final int CASH_FLOW_VOLATILITY = 5;
    /** Index of {@code revenue_consistency_gap}: Relative gap between tax-declared sales over the statement's fiscal year and statement revenue. */
    public static final int REVENUE_CONSISTENCY_GAP = 6;
    /** Index of {@code log_revenue}: Annual operating revenue, log10 of CNY. */
    public static final int LOG_REVENUE = 7;
    /** Index of {@code tax_continuity_index}: Share of the last 24 months with declared sales above zero. */
    public static final int TAX_CONTINUITY_INDEX = 8;
    /** Index of {@code sales_growth_12m}: Growth of declared sales, last 12 months over the 12 before. */
    public static final int SALES_GROWTH_12M = 9;
    /** Index of {@code tax_burden}: Tax paid over declared sales, last 12 months. */
    public static final int TAX_BURDEN = 10;
    /** Index of {@code sales_seasonality}: Peak month over mean month of declared sales, last 12 months. */
    public static final int SALES_SEASONALITY = 11;
    /** Index of {@code insured_headcount}: Insured employees in the latest month. */
    public static final int INSURED_HEADCOUNT = 12;
    /** Index of {@code headcount_growth_12m}: Growth of insured headcount over 12 months. */
    public static final int HEADCOUNT_GROWTH_12M = 13;
    /** Index of {@code electricity_trend_6m}: Electricity use, last 6 months over the 6 before. */
    public static final int ELECTRICITY_TREND_6M = 14;
    /** Index of {@code electricity_continuity}: Share of the last 12 months with electricity use above zero. */
    public static final int ELECTRICITY_CONTINUITY = 15;
    /** Index of {@code utility_volatility}: Volatility of monthly electricity use over 12 months (coefficient of variation). */
    public static final int UTILITY_VOLATILITY = 16;
    /** Index of {@code firm_age_years}: Years since establishment at application time. */
    public static final int FIRM_AGE_YEARS = 17;
    /** Index of {@code export_share}: Exports over declared sales, last 12 months. */
    public static final int EXPORT_SHARE = 18;
    /** Index of {@code customs_active_months}: Months with import or export declarations in the last 12. */
    public static final int CUSTOMS_ACTIVE_MONTHS = 19;
    /** Index of {@code court_cases_defendant}: Cases as defendant in the court record's window. */
    public static final int COURT_CASES_DEFENDANT = 20;
    /** Index of {@code court_unanswered_share}: Share of cases as defendant with no response (court dispute response); missing when there are no cases. */
    public static final int COURT_UNANSWERED_SHARE = 21;
    /** Index of {@code enforcement_cases}: Enforcement cases against the enterprise. */
    public static final int ENFORCEMENT_CASES = 22;
    /** Index of {@code dishonest_status}: Dishonest-debtor status at application: 0 never listed, 1 all listings repaired, 2 an unrepaired listing. */
    public static final int DISHONEST_STATUS = 23;
    /** Index of {@code penalties_36m}: Administrative penalties in the 36 months before application. */
    public static final int PENALTIES_36M = 24;
    /** Index of {@code serious_penalties_36m}: Serious administrative penalties in the 36 months before application. */
    public static final int SERIOUS_PENALTIES_36M = 25;
    /** Index of {@code social_insurance_arrears}: Social insurance arrears, log10 of CNY. */
    public static final int SOCIAL_INSURANCE_ARREARS = 26;
    /** Index of {@code max_days_overdue_24m}: Worst days overdue on bank credit in the last 24 months. */
    public static final int MAX_DAYS_OVERDUE_24M = 27;
    /** Index of {@code current_days_overdue}: Days overdue on bank credit now. */
    public static final int CURRENT_DAYS_OVERDUE = 28;
    /** Index of {@code active_loans}: Bank loans outstanding. */
    public static final int ACTIVE_LOANS = 29;
    /** Index of {@code credit_history_months}: Months since the first bank credit facility. */
    public static final int CREDIT_HISTORY_MONTHS = 30;
    /** Index of {@code bank_debt_to_revenue}: Outstanding bank balance over annual revenue. */
    public static final int BANK_DEBT_TO_REVENUE = 31;
    /** Index of {@code tax_rating_latest}: Latest tax credit rating as a number: A=4, B=3, M=2, C=1, D=0. */
    public static final int TAX_RATING_LATEST = 32;
    /** Index of {@code tax_rating_a_years}: Consecutive most recent years rated A. */
    public static final int TAX_RATING_A_YEARS = 33;
    /** Index of {@code loan_to_revenue}: Requested amount over annual revenue. */
    public static final int LOAN_TO_REVENUE = 34;
    /** Index of {@code invention_patents}: Granted invention patents held. */
    public static final int INVENTION_PATENTS = 35;
    /** Index of {@code utility_patents}: Utility-model and design patents held. */
    public static final int UTILITY_PATENTS = 36;
    /** Index of {@code patent_change_frequency}: Patent grants, transfers and lapses in the last 12 months. */
    public static final int PATENT_CHANGE_FREQUENCY = 37;
    /** Index of {@code trademarks}: Registered trademarks held. */
    public static final int TRADEMARKS = 38;
    /** Index of {@code rd_intensity}: R&amp;D expense over revenue. */
    public static final int RD_INTENSITY = 39;
    /** Index of {@code carbon_intensity}: CO2-equivalent tonnes per 10,000 CNY of revenue. */
    public static final int CARBON_INTENSITY = 40;
    /** Index of {@code core_enterprise_rating}: Rating of the linked core enterprise: AAA=7, AA=6, A=5, BBB=4, BB=3, B=2, CCC..C=1, other=0 (+/- ignored). */
    public static final int CORE_ENTERPRISE_RATING = 41;
    /** Index of {@code supply_chain_months}: Months trading with the core enterprise. */
    public static final int SUPPLY_CHAIN_MONTHS = 42;
    /** Index of {@code receivables_to_revenue}: Receivables confirmed by the core enterprise over annual revenue. */
    public static final int RECEIVABLES_TO_REVENUE = 43;
    /** Number of standard features. */
    public static final int COUNT = 44;

    static final FeatureCatalogue CATALOGUE = build();

    private StandardFeatures() {
    }

    private static FeatureCatalogue build() {
        List<FeatureDefinition> all = new ArrayList<>(COUNT);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "debt_to_asset", "Total liabilities over total assets", "资产负债率", "ratio", "totalLiabilities / totalAssets", Openness.CONDITIONAL, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "current_ratio", "Current assets over current liabilities", "流动比率", "ratio", "currentAssets / currentLiabilities", Openness.CONDITIONAL, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "net_margin", "Net profit over revenue", "净利润率", "ratio", "netProfit / revenue", Openness.CONDITIONAL, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "return_on_assets", "Net profit over total assets", "总资产收益率", "ratio", "netProfit / totalAssets", Openness.CONDITIONAL, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "ocf_to_liabilities", "Operating cash flow over total liabilities", "经营现金流负债比", "ratio", "operatingCashFlow / totalLiabilities", Openness.CONDITIONAL, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "cash_flow_volatility", "Volatility of monthly declared sales over the last 12 months (coefficient of variation)", "现金流波动率", "ratio", "stdev(sales[-12..-1]) / mean(sales[-12..-1])", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "revenue_consistency_gap", "Relative gap between tax-declared sales over the statement's fiscal year and statement revenue; missing unless the sales series covers that whole year", "税务与报表收入差异", "ratio", "|sum(sales[fiscalYear-01..fiscalYear-12]) - revenue| / max(sum(sales[fiscalYear]), revenue)", Openness.CONDITIONAL, DataSource.TAX, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.FINANCIAL_HEALTH, "log_revenue", "Annual operating revenue, log10 of CNY", "营业收入(对数)", "log10 CNY", "log10(1 + annualRevenue)", Openness.CONDITIONAL, DataSource.APPLICATION);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "tax_continuity_index", "Share of the last 24 months with declared sales above zero", "纳税连续性指数", "ratio", "count(sales[-24..-1] > 0) / 24", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "sales_growth_12m", "Growth of declared sales, last 12 months over the 12 before", "销售收入增长率", "ratio", "sum(sales[-12..-1]) / sum(sales[-24..-13]) - 1", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "tax_burden", "Tax paid over declared sales, last 12 months", "税负率", "ratio", "sum(taxPaid[-12..-1]) / sum(sales[-12..-1])", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "sales_seasonality", "Peak month over mean month of declared sales, last 12 months", "销售季节性", "ratio", "max(sales[-12..-1]) / mean(sales[-12..-1])", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "insured_headcount", "Insured employees in the latest month", "参保人数", "count", "insuredHeadcount[-1]", Openness.CONDITIONAL, DataSource.SOCIAL_INSURANCE);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "headcount_growth_12m", "Growth of insured headcount over 12 months", "参保人数增长率", "ratio", "insuredHeadcount[-1] / insuredHeadcount[-13] - 1", Openness.CONDITIONAL, DataSource.SOCIAL_INSURANCE);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "electricity_trend_6m", "Electricity use, last 6 months over the 6 before", "用电量趋势", "ratio", "sum(kWh[-6..-1]) / sum(kWh[-12..-7]) - 1", Openness.CONDITIONAL, DataSource.UTILITIES);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "electricity_continuity", "Share of the last 12 months with electricity use above zero", "用电连续性", "ratio", "count(kWh[-12..-1] > 0) / 12", Openness.CONDITIONAL, DataSource.UTILITIES);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "utility_volatility", "Volatility of monthly electricity use over 12 months (coefficient of variation)", "用电波动率", "ratio", "stdev(kWh[-12..-1]) / mean(kWh[-12..-1])", Openness.CONDITIONAL, DataSource.UTILITIES);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "firm_age_years", "Years since establishment at application time", "成立年限", "years", "(applicationDate - establishmentDate) / 365.25, dates at UTC+8; missing if established after the application", Openness.PUBLIC, DataSource.MARKET_SUPERVISION);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "export_share", "Exports over declared sales, last 12 months", "出口占比", "ratio", "sum(exports over the calendar months of sales[-12..-1]) / sum(sales[-12..-1]); a month without a customs value counts 0", Openness.CONDITIONAL, DataSource.CUSTOMS, DataSource.TAX);
        def(all, FeatureCategory.OPERATING_ACTIVITY, "customs_active_months", "Months with import or export declarations in the last 12", "海关活跃月数", "months", "count(months m of the 12 ending at the later series end with imports(m) + exports(m) > 0)", Openness.CONDITIONAL, DataSource.CUSTOMS);
        def(all, FeatureCategory.COMPLIANCE_RISK, "court_cases_defendant", "Cases as defendant in the court record's window", "涉诉(被告)案件数", "count", "casesAsDefendant", Openness.PUBLIC, DataSource.COURTS);
        def(all, FeatureCategory.COMPLIANCE_RISK, "court_unanswered_share", "Share of cases as defendant with no response (court dispute response); missing when there are no cases", "诉讼未应诉比例", "ratio", "unansweredCases / casesAsDefendant", Openness.PUBLIC, DataSource.COURTS);
        def(all, FeatureCategory.COMPLIANCE_RISK, "enforcement_cases", "Enforcement cases against the enterprise", "被执行案件数", "count", "enforcementCases", Openness.PUBLIC, DataSource.COURTS);
        def(all, FeatureCategory.COMPLIANCE_RISK, "dishonest_status", "Dishonest-debtor status at application: 0 never listed, 1 all listings repaired, 2 an unrepaired listing", "失信被执行人状态", "code 0/1/2", "max over listings dated on or before the application of (repaired on or before it ? 1 : 2); 0 without listings", Openness.PUBLIC, DataSource.COURTS);
        def(all, FeatureCategory.COMPLIANCE_RISK, "penalties_36m", "Administrative penalties in the 36 months before application", "近36个月行政处罚次数", "count", "count(penalties with date in (appDate-36m, appDate])", Openness.PUBLIC, DataSource.PENALTIES);
        def(all, FeatureCategory.COMPLIANCE_RISK, "serious_penalties_36m", "Serious administrative penalties in the 36 months before application", "近36个月重大行政处罚次数", "count", "count(SERIOUS penalties with date in (appDate-36m, appDate])", Openness.PUBLIC, DataSource.PENALTIES);
        def(all, FeatureCategory.COMPLIANCE_RISK, "social_insurance_arrears", "Social insurance arrears, log10 of CNY", "社保欠费(对数)", "log10 CNY", "log10(1 + arrears)", Openness.CONDITIONAL, DataSource.SOCIAL_INSURANCE);
        def(all, FeatureCategory.CREDIT_HISTORY, "max_days_overdue_24m", "Worst days overdue on bank credit in the last 24 months", "近24个月最长逾期天数", "days", "maxDaysOverdue24m", Openness.NOT_OPEN, DataSource.BANK_CREDIT);
        def(all, FeatureCategory.CREDIT_HISTORY, "current_days_overdue", "Days overdue on bank credit now", "当前逾期天数", "days", "currentDaysOverdue", Openness.NOT_OPEN, DataSource.BANK_CREDIT);
        def(all, FeatureCategory.CREDIT_HISTORY, "active_loans", "Bank loans outstanding", "在贷笔数", "count", "activeLoans", Openness.NOT_OPEN, DataSource.BANK_CREDIT);
        def(all, FeatureCategory.CREDIT_HISTORY, "credit_history_months", "Months since the first bank credit facility", "信贷历史月数", "months", "monthsOfHistory", Openness.NOT_OPEN, DataSource.BANK_CREDIT);
        def(all, FeatureCategory.CREDIT_HISTORY, "bank_debt_to_revenue", "Outstanding bank balance over annual revenue", "银行负债收入比", "ratio", "outstandingBalance / annualRevenue", Openness.NOT_OPEN, DataSource.BANK_CREDIT, DataSource.APPLICATION);
        def(all, FeatureCategory.CREDIT_HISTORY, "tax_rating_latest", "Latest tax credit rating as a number: A=4, B=3, M=2, C=1, D=0", "最近纳税信用等级", "ordinal 0..4", "ordinal(grade of the latest rated year)", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.CREDIT_HISTORY, "tax_rating_a_years", "Consecutive most recent years rated A", "连续A级纳税年数", "years", "count of consecutive years, back from the latest rated year, with grade A (a missing year breaks the run)", Openness.CONDITIONAL, DataSource.TAX);
        def(all, FeatureCategory.CREDIT_HISTORY, "loan_to_revenue", "Requested amount over annual revenue", "申贷金额收入比", "ratio", "amount / annualRevenue", Openness.CONDITIONAL, DataSource.APPLICATION);
        def(all, FeatureCategory.INNOVATION, "invention_patents", "Granted invention patents held", "发明专利数", "count", "inventionPatents", Openness.PUBLIC, DataSource.INTELLECTUAL_PROPERTY);
        def(all, FeatureCategory.INNOVATION, "utility_patents", "Utility-model and design patents held", "实用新型和外观专利数", "count", "utilityPatents", Openness.PUBLIC, DataSource.INTELLECTUAL_PROPERTY);
        def(all, FeatureCategory.INNOVATION, "patent_change_frequency", "Patent grants, transfers and lapses in the last 12 months", "专利变更频率", "count", "patentChanges12m", Openness.PUBLIC, DataSource.INTELLECTUAL_PROPERTY);
        def(all, FeatureCategory.INNOVATION, "trademarks", "Registered trademarks held", "注册商标数", "count", "trademarks", Openness.PUBLIC, DataSource.INTELLECTUAL_PROPERTY);
        def(all, FeatureCategory.INNOVATION, "rd_intensity", "R&D expense over revenue", "研发投入强度", "ratio", "rdExpense / revenue", Openness.CONDITIONAL, DataSource.FINANCIAL_STATEMENTS);
        def(all, FeatureCategory.GREEN, "carbon_intensity", "CO2-equivalent tonnes per 10,000 CNY of revenue", "碳排放强度", "t / 10k CNY", "emissionsTonnes / (annualRevenue / 10000)", Openness.CONDITIONAL, DataSource.CARBON, DataSource.APPLICATION);
        def(all, FeatureCategory.SUPPLY_CHAIN, "core_enterprise_rating", "Rating of the linked core enterprise: AAA=7, AA=6, A=5, BBB=4, BB=3, B=2, CCC..C=1, other=0 (+/- ignored)", "核心企业评级", "ordinal 0..7", "ordinal(coreRating)", Openness.NOT_OPEN, DataSource.SUPPLY_CHAIN);
        def(all, FeatureCategory.SUPPLY_CHAIN, "supply_chain_months", "Months trading with the core enterprise", "供应链合作月数", "months", "relationshipMonths", Openness.NOT_OPEN, DataSource.SUPPLY_CHAIN);
        def(all, FeatureCategory.SUPPLY_CHAIN, "receivables_to_revenue", "Receivables confirmed by the core enterprise over annual revenue", "确权应收账款收入比", "ratio", "confirmedReceivables / annualRevenue", Openness.NOT_OPEN, DataSource.SUPPLY_CHAIN, DataSource.APPLICATION);
        return FeatureCatalogue.of(VERSION, all);
    }

    private static void def(List<FeatureDefinition> all, FeatureCategory category, String id, String en, String zh,
                            String unit, String formula, Openness openness, DataSource... lineage) {
        all.add(new FeatureDefinition(id, category, en, zh, unit, formula, List.of(lineage), openness));
    }
}
