package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.stats.Auc;

/**
 * Runs a fairness audit: group metrics with intervals and tests, the justified-disparity view,
 * Fairlearn-style summaries, entropy indices and threshold checks.
 *
 * <pre>{@code
 * AuditReport report = FairnessAudit.run(records, AuditConfig.builder()
 *         .grouping(Grouping.of("industry")).reference("industry", "C").build());
 * Files.writeString(dir.resolve("report.html"), FairnessReports.html(report));
 * System.exit(report.exitCode());
 * }</pre>
 *
 * <p>The checks, per group against its grouping's reference (see docs/fairness.md):
 * <ul>
 *   <li>{@code approval-ratio}: approval rate(group) / approval rate(reference). PASS at or above
 *       the warn level; otherwise by the {@link DisparityClass}: UNEXPLAINED_GAP below the fail level
 *       FAILs; GAP_JUSTIFIED_BY_RISK WARNs (shown as justified, never FAILs); a gap that is not
 *       significant WARNs below the fail level and PASSes (with a note) in the warn band.</li>
 *   <li>{@code equal-opportunity} (when outcomes exist): |TPR(group) - TPR(reference)|. PASS at or
 *       below warnAbove; above failAbove FAIL if significant, else WARN; in between WARN if
 *       significant, else PASS with a note.</li>
 *   <li>{@code calibration} (when PDs and outcomes exist, every group including the reference):
 *       |mean PD - observed default rate|, graded as equal opportunity.</li>
 * </ul>
 * "Significant" means the Holm-adjusted p-value is below alpha, the adjustment running over the
 * family of one check in one grouping (every group that check compares), so that auditing many
 * groups and intersections does not by itself raise false alarms.
 * A group (or its reference) below the minimum group size, or with fewer than the minimum class
 * size of good outcomes for equal opportunity, gets INSUFFICIENT_DATA instead of a result.
 */
public final class FairnessAudit {

    private FairnessAudit() {
    }

    /**
     * Audits the records.
     *
     * @param records the decisions to audit, each carrying every attribute the groupings use
     * @param config what to compute
     * @return the report
     * @throws CreditDataException if there are no records (location {@code records}), if records
     *     lack grouping attributes (one problem per such record, location {@code record N}, counting
     *     from 1, at most 20 listed) or if a named reference group does not
     *     occur in the data (location {@code reference of grouping 'g'})
     */
    public static AuditReport run(Collection<AuditRecord> records, AuditConfig config) {
        AuditAccumulator acc = new AuditAccumulator(config);
        records.forEach(acc::add);
        return acc.report();
    }

    /**
     * The report over cells: each cell holds the counts of one combination of attribute values, so
     * each grouping's groups are sums of cells and no record is kept.
     */
    static AuditReport report(AuditConfig config, Collection<GroupStats> cells, int records, int withOutcome,
            int withPd, long[] benefitCounts) {
        FairnessThresholds t = config.thresholds();
        boolean hasOutcomes = withOutcome > 0;
        boolean hasCalibration = cells.stream().anyMatch(c -> c.calCount > 0);
        List<String> attributes = AuditAccumulator.attributesOf(config);
        // each cell's risks sorted once: a group's column is then a concatenation of sorted runs,
        // which Arrays.sort merges instead of sorting again for every grouping
        cells.forEach(GroupStats::sortRisks);
        requireRiskRankedForward(cells, t);
        List<GroupingResult> groupingResults = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        for (Grouping grouping : config.groupings()) {
            int[] index = grouping.attributes().stream().mapToInt(attributes::indexOf).toArray();
            TreeMap<String, GroupStats> groups = new TreeMap<>();
            for (GroupStats cell : cells) {
                List<String> values = new ArrayList<>(index.length);
                for (int i : index) {
                    values.add(cell.values.get(i));
                }
                String label = String.join(Grouping.SEPARATOR, values);
                groups.computeIfAbsent(label, l -> new GroupStats(l, values, t.pdBandEdges())).merge(cell);
            }
            Reference ref = chooseReference(grouping, groups, config);
            GroupStats refStats = groups.get(ref.label());
            Map<String, GroupResult> prelim = new TreeMap<>();
            for (GroupStats g : groups.values()) {
                prelim.put(g.label, evaluate(grouping, g, refStats, config));
            }
            Map<String, Double> approvalFamily = new TreeMap<>();
            Map<String, Double> eoFamily = new TreeMap<>();
            Map<String, Double> calFamily = new TreeMap<>();
            for (GroupStats g : groups.values()) {
                GroupResult gr = prelim.get(g.label);
                if (g != refStats && comparable(g, refStats, t)) {
                    gr.approvalVsReference().pValue().ifPresent(p -> approvalFamily.put(g.label, p));
                    if (eoEligible(g, refStats, t)) {
                        gr.outcomes().flatMap(m -> box(m.equalOpportunityPValue()))
                                .ifPresent(p -> eoFamily.put(g.label, p));
                    }
                }
                gr.outcomes().filter(m -> m.calibrationCount() >= t.minGroupSize())
                        .flatMap(m -> box(m.calibrationPValue())).ifPresent(p -> calFamily.put(g.label, p));
            }
            Map<String, Double> approvalAdj = Stats.holm(approvalFamily);
            Map<String, Double> eoAdj = Stats.holm(eoFamily);
            Map<String, Double> calAdj = Stats.holm(calFamily);
            List<GroupResult> results = new ArrayList<>();
            for (GroupStats g : groups.values()) {
                GroupResult p = prelim.get(g.label);
                JustifiedDisparity d = disparity(g, refStats, g == refStats, p.approvalVsReference(), p.outcomes(),
                        p.meanPd(), Fmt.opt(approvalAdj.getOrDefault(g.label, Double.NaN)), config);
                GroupResult gr = new GroupResult(p.grouping(), p.group(), p.reference(), p.sufficient(), p.count(),
                        p.approval(), p.approvalVsReference(), p.pdCount(), p.meanPd(), p.outcomes(), d, p.bands(),
                        p.bootstrap());
                results.add(gr);
                checks.addAll(checksFor(gr, g, refStats, config, hasOutcomes, hasCalibration,
                        Fmt.opt(approvalAdj.getOrDefault(g.label, Double.NaN)),
                        Fmt.opt(eoAdj.getOrDefault(g.label, Double.NaN)),
                        Fmt.opt(calAdj.getOrDefault(g.label, Double.NaN))));
            }
            groupingResults.add(new GroupingResult(grouping.name(), ref.label(), ref.rule(), results,
                    summarize(groups.values(), t.minGroupSize()), betweenGroupTheil(groups.values())));
        }
        return new AuditReport(config, records, withOutcome, withPd,
                Fmt.opt(Stats.theil(new double[] {0.0, 1.0, 2.0}, benefitCounts)),
                groupingResults, checks, verdict(checks));
    }

    /**
     * Refuses a risk column that ranks the defaulters as the safest with 95% confidence over all records:
     * the AUC of the PD (or of the negated score) is below 0.5 with its Hanley-McNeil interval. That is a
     * column of the wrong direction (a PD given as a score, which is read higher = safer), or an outcome
     * whose named default value means repaid; audited as it is, every group's AUC and calibration would
     * be inverted while the verdict still read PASS.
     */
    static void requireRiskRankedForward(Collection<GroupStats> cells, FairnessThresholds t) {
        GroupStats all = new GroupStats("all", List.of(), t.pdBandEdges());
        cells.forEach(all::merge);
        boolean byPd = cells.stream().anyMatch(c -> c.badPd.size + c.goodPd.size > 0);
        long bad = cells.stream().mapToLong(c -> byPd ? c.badPd.size : c.badScore.size).sum();
        long good = cells.stream().mapToLong(c -> byPd ? c.goodPd.size : c.goodScore.size).sum();
        if (bad == 0 || good == 0) {
            return;
        }
        double a = all.auc();
        double se = Auc.hanleyMcNeilStandardError(a, bad, good);
        double high = a + 1.959964 * se;
        if (high < 0.5) {
            String column = byPd ? "the PD column (read higher = riskier)" : "the score column (read higher = safer)";
            throw new CreditDataException(byPd ? "PD column" : "score column", String.format(java.util.Locale.ROOT,
                    "AUC %.4f [%.4f, %.4f] over %d defaulted and %d repaid records is below 0.5 with 95%% confidence:"
                            + " %s ranks the defaulters as the safest, so every group's AUC%s would be inverted;"
                            + " give a probability of default as the PD and a score as the score, and check that"
                            + " the outcome value named as default means default", a, a - 1.959964 * se, high,
                    bad, good, column, byPd ? " and calibration" : ""));
        }
    }

    private static boolean comparable(GroupStats g, GroupStats ref, FairnessThresholds t) {
        return g.n >= t.minGroupSize() && ref.n >= t.minGroupSize();
    }

    private static boolean eoEligible(GroupStats g, GroupStats ref, FairnessThresholds t) {
        return comparable(g, ref, t) && g.tp + g.fn >= t.minClassSize() && ref.tp + ref.fn >= t.minClassSize();
    }

    private static Optional<Double> box(OptionalDouble x) {
        return x.isPresent() ? Optional.of(x.getAsDouble()) : Optional.empty();
    }

    /** Benefit of Speicher et al. (2018): b = ŷ - y + 1 with ŷ = favourable, y = good. */
    static int benefit(boolean favourable, Outcome outcome) {
        return (favourable ? 1 : 0) - (outcome == Outcome.GOOD ? 1 : 0) + 1;
    }

    private record Reference(String label, String rule) {
    }

    private static Reference chooseReference(Grouping grouping, TreeMap<String, GroupStats> groups,
            AuditConfig config) {
        String named = config.namedReferences().get(grouping.name());
        if (named != null) {
            if (!groups.containsKey(named)) {
                throw new CreditDataException("reference of grouping '" + grouping.name() + "'",
                        "reference group '" + named + "' does not occur in grouping '" + grouping.name()
                                + "'; its groups are " + groups.keySet());
            }
            return new Reference(named, "named");
        }
        Comparator<GroupStats> bySize = Comparator.<GroupStats>comparingInt(g -> g.n).reversed()
                .thenComparing(g -> g.label);
        // An intersection inherits the named reference of its attributes: e.g. with industry=C named,
        // the reference of industry*zone is chosen among the C*... groups.
        List<GroupStats> candidates = new ArrayList<>(groups.values());
        List<String> inherited = new ArrayList<>();
        for (int i = 0; i < grouping.attributes().size(); i++) {
            String attribute = grouping.attributes().get(i);
            String value = config.namedReferences().get(attribute);
            if (value != null && grouping.isIntersection()) {
                int index = i;
                List<GroupStats> narrowed = candidates.stream().filter(g -> g.values.get(index).equals(value)).toList();
                if (!narrowed.isEmpty()) {
                    candidates = new ArrayList<>(narrowed);
                    inherited.add(attribute + "=" + value);
                }
            }
        }
        String within = inherited.isEmpty() ? "" : " within " + String.join(", ", inherited);
        GroupStats largest = candidates.stream().sorted(bySize).findFirst().orElseThrow();
        if (config.defaultReference() == ReferenceKind.LARGEST) {
            return new Reference(largest.label, "largest group" + within);
        }
        int min = config.thresholds().minGroupSize();
        return candidates.stream().filter(g -> g.n >= min)
                .sorted(Comparator.<GroupStats>comparingDouble(g -> -(double) g.fav / g.n)
                        .thenComparing(bySize))
                .findFirst()
                .map(g -> new Reference(g.label, "highest approval rate" + within))
                .orElse(new Reference(largest.label, "largest group" + within + " (no group reaches the minimum "
                        + "size for highest approval rate)"));
    }

    private static GroupResult evaluate(Grouping grouping, GroupStats g, GroupStats ref, AuditConfig config) {
        FairnessThresholds t = config.thresholds();
        boolean isRef = g == ref;
        String key = grouping.name() + "|" + g.label;
        Comparison approvalCmp = compare(g.fav, g.n, ref.fav, ref.n, isRef, key + "|approval", config);
        Optional<OutcomeMetrics> outcomes = Optional.empty();
        if (g.withOutcome() > 0) {
            outcomes = Optional.of(outcomeMetrics(g, ref, isRef, key, config));
        }
        OptionalDouble meanPd = g.pdCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(g.pdSum / g.pdCount);
        JustifiedDisparity disparity = new JustifiedDisparity(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                DisparityClass.INSUFFICIENT_DATA, "pending");
        List<BandCalibration> bands = new ArrayList<>();
        List<Double> edges = t.pdBandEdges();
        for (int i = 0; i < g.bandCount.length; i++) {
            if (g.bandCount[i] > 0) {
                bands.add(new BandCalibration(edges.get(i), edges.get(i + 1), g.bandCount[i], g.bandApproved[i],
                        g.bandPdSum[i] / g.bandCount[i], g.bandWithOutcome[i], g.bandBad[i]));
            }
        }
        int reps = config.bootstrapReplicates();
        BootstrapIntervals bootstrap = new BootstrapIntervals(reps,
                Stats.bootstrapRate(g.fav, g.n, reps, streamSeed(config, key + "|approval-rate")),
                isRef || ref.n == 0 ? Optional.empty() : Optional.of(Stats.bootstrapDifference(g.fav, g.n, ref.fav, ref.n,
                        reps, streamSeed(config, key + "|approval"))));
        return new GroupResult(grouping.name(), g.label, isRef, g.n >= t.minGroupSize(), g.n,
                RateEstimate.of(g.fav, g.n), approvalCmp, g.pdCount, meanPd, outcomes, disparity, bands, bootstrap);
    }

    private static OutcomeMetrics outcomeMetrics(GroupStats g, GroupStats ref, boolean isRef, String key,
            AuditConfig config) {
        int good = g.tp + g.fn;
        int bad = g.fp + g.tn;
        double tpr = good == 0 ? Double.NaN : (double) g.tp / good;
        double fpr = bad == 0 ? Double.NaN : (double) g.fp / bad;
        double fnr = good == 0 ? Double.NaN : (double) g.fn / good;
        double ppv = g.tp + g.fp == 0 ? Double.NaN : (double) g.tp / (g.tp + g.fp);
        double npv = g.tn + g.fn == 0 ? Double.NaN : (double) g.tn / (g.tn + g.fn);
        int refGood = ref.tp + ref.fn;
        int refBad = ref.fp + ref.tn;
        double refTpr = refGood == 0 ? Double.NaN : (double) ref.tp / refGood;
        double refFpr = refBad == 0 ? Double.NaN : (double) ref.fp / refBad;
        Comparison eo = compare(g.tp, good, ref.tp, refGood, isRef, key + "|tpr", config);
        double avgOdds = ((fpr - refFpr) + (tpr - refTpr)) / 2.0;
        Comparison dr = compare(bad, g.withOutcome(), refBad, ref.withOutcome(), isRef, key + "|default", config);
        OptionalDouble calMean = g.calCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(g.calPdSum / g.calCount);
        RateEstimate calObs = RateEstimate.of(g.calBad, g.calCount);
        OptionalDouble calGap = g.calCount == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(g.calPdSum / g.calCount - (double) g.calBad / g.calCount);
        OptionalDouble calP = g.calCount == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Stats.calibrationInTheLarge(g.calBad, g.calCount, g.calPdSum / g.calCount));
        return new OutcomeMetrics(g.withOutcome(), good, bad, g.tp, g.fp, g.tn, g.fn,
                RateEstimate.of(bad, g.withOutcome()), dr, Fmt.opt(tpr), Fmt.opt(fpr), Fmt.opt(fnr), Fmt.opt(ppv),
                Fmt.opt(npv), eo.difference(), eo.differenceCi(), eo.pValue(), Fmt.opt(avgOdds), g.calCount, calMean,
                calObs, calGap, calP, Fmt.opt(g.auc()));
    }

    /** The seed of one interval's bootstrap stream: the audit seed mixed with the interval's name. */
    private static long streamSeed(AuditConfig config, String key) {
        return config.seed() ^ (key.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** Compares successes/trials of a group with its reference; see {@link Comparison}. */
    private static Comparison compare(int k1, int n1, int k2, int n2, boolean self, String key, AuditConfig config) {
        if (n1 == 0 || n2 == 0) {
            return Comparison.ABSENT;
        }
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        if (self) {
            return new Comparison(OptionalDouble.of(0.0), Optional.of(Interval.of(0.0, 0.0)),
                    p2 == 0.0 ? OptionalDouble.empty() : OptionalDouble.of(1.0),
                    p2 == 0.0 ? Optional.empty() : Optional.of(Interval.of(1.0, 1.0)), OptionalDouble.of(1.0));
        }
        Interval ci = config.differenceMethod() == DifferenceMethod.NEWCOMBE
                ? Stats.newcombe(k1, n1, k2, n2)
                : Stats.bootstrapDifference(k1, n1, k2, n2, config.bootstrapReplicates(), streamSeed(config, key));
        double p = config.significanceTest() == SignificanceTest.FISHER_EXACT
                ? Stats.fisherExactTwoSided(k1, n1 - k1, k2, n2 - k2)
                : Stats.twoProportionZ(k1, n1, k2, n2);
        return new Comparison(OptionalDouble.of(p1 - p2), Optional.of(ci),
                p2 == 0.0 ? OptionalDouble.empty() : OptionalDouble.of(p1 / p2),
                Optional.ofNullable(Stats.katzRatio(k1, n1, k2, n2)), OptionalDouble.of(p));
    }

    private static JustifiedDisparity disparity(GroupStats g, GroupStats ref, boolean isRef, Comparison approval,
            Optional<OutcomeMetrics> outcomes, OptionalDouble meanPd, OptionalDouble adjustedP, AuditConfig config) {
        FairnessThresholds t = config.thresholds();
        OptionalDouble pdGap = meanPd.isPresent() && ref.pdCount > 0
                ? OptionalDouble.of(meanPd.getAsDouble() - ref.pdSum / ref.pdCount) : OptionalDouble.empty();
        OptionalDouble drGap = OptionalDouble.empty();
        Optional<Interval> drCi = Optional.empty();
        OptionalDouble goodRatio = OptionalDouble.empty();
        boolean riskMeasured = g.withOutcome() >= t.minGroupSize() && ref.withOutcome() >= t.minGroupSize();
        if (outcomes.isPresent() && ref.withOutcome() > 0) {
            Comparison dr = outcomes.get().defaultRateVsReference();
            drGap = dr.difference();
            drCi = dr.differenceCi();
            double goodG = 1.0 - (double) (g.fp + g.tn) / g.withOutcome();
            double goodR = 1.0 - (double) (ref.fp + ref.tn) / ref.withOutcome();
            goodRatio = goodR == 0.0 ? OptionalDouble.empty() : OptionalDouble.of(goodG / goodR);
        }
        DisparityClass cls;
        String why;
        OptionalDouble ratio = approval.ratio();
        if (isRef) {
            cls = DisparityClass.REFERENCE;
            why = "Reference group of its grouping.";
        } else if (g.n < t.minGroupSize() || ref.n < t.minGroupSize()) {
            cls = DisparityClass.INSUFFICIENT_DATA;
            why = "Group n=" + g.n + ", reference n=" + ref.n + "; both need at least " + t.minGroupSize() + ".";
        } else if (ratio.isEmpty()) {
            cls = DisparityClass.NO_GAP;
            why = "The reference approves no one, so the group cannot be approved less.";
        } else if (ratio.getAsDouble() >= t.approvalRatioWarnBelow()) {
            cls = DisparityClass.NO_GAP;
            why = "Approval ratio " + Fmt.r(ratio) + " is at or above " + Fmt.r(t.approvalRatioWarnBelow()) + ".";
        } else if (!(adjustedP.orElse(1.0) < t.alpha())) {
            cls = DisparityClass.GAP_NOT_SIGNIFICANT;
            why = "Approval ratio " + Fmt.r(ratio) + " but the difference is not significant (Holm-adjusted "
                    + Fmt.pEq(adjustedP) + ", 95% CI " + Fmt.ci(approval.differenceCi()) + ").";
        } else if (!riskMeasured || drCi.isEmpty()) {
            cls = DisparityClass.UNEXPLAINED_GAP;
            why = "Significant approval gap and too few observed outcomes (need " + t.minGroupSize()
                    + " in group and reference) to show a risk difference; the mean-PD gap "
                    + Fmt.signed(pdGap) + " is the model's own estimate and cannot justify it.";
        } else if (drCi.get().lower() > 0.0 && goodRatio.isPresent()
                && ratio.getAsDouble() >= goodRatio.getAsDouble()) {
            cls = DisparityClass.GAP_JUSTIFIED_BY_RISK;
            why = "Observed default rate is higher by " + Fmt.signed(drGap) + " " + Fmt.ci(drCi)
                    + " and the approval ratio " + Fmt.r(ratio) + " is at least the good-rate ratio "
                    + Fmt.r(goodRatio) + ".";
        } else if (drCi.get().lower() > 0.0) {
            cls = DisparityClass.UNEXPLAINED_GAP;
            why = "Observed default rate is higher by " + Fmt.signed(drGap) + " " + Fmt.ci(drCi)
                    + " but the approval ratio " + Fmt.r(ratio) + " is below the good-rate ratio "
                    + Fmt.r(goodRatio) + ": the approval gap exceeds the risk gap.";
        } else {
            cls = DisparityClass.UNEXPLAINED_GAP;
            why = "Significant approval gap while the observed default-rate gap " + Fmt.signed(drGap) + " "
                    + Fmt.ci(drCi) + " is not significantly above 0.";
        }
        return new JustifiedDisparity(approval.difference(), ratio, drGap, drCi, goodRatio, pdGap, cls, why);
    }

    private static List<CheckResult> checksFor(GroupResult gr, GroupStats g, GroupStats ref, AuditConfig config,
            boolean hasOutcomes, boolean hasCalibration, OptionalDouble approvalAdj, OptionalDouble eoAdj,
            OptionalDouble calAdj) {
        FairnessThresholds t = config.thresholds();
        List<CheckResult> out = new ArrayList<>();
        String refLabel = ref.label;
        if (!gr.reference()) {
            out.add(approvalRatioCheck(gr, refLabel, ref, t, approvalAdj));
            if (hasOutcomes) {
                out.add(equalOpportunityCheck(gr, g, ref, t, eoAdj));
            }
        }
        if (hasCalibration) {
            out.add(calibrationCheck(gr, t, calAdj));
        }
        return out;
    }

    private static CheckResult approvalRatioCheck(GroupResult gr, String refLabel, GroupStats ref,
            FairnessThresholds t, OptionalDouble adjusted) {
        Comparison c = gr.approvalVsReference();
        JustifiedDisparity d = gr.disparity();
        double ratio = c.ratio().orElse(Double.NaN);
        CheckStatus status = switch (d.classification()) {
            case INSUFFICIENT_DATA -> CheckStatus.INSUFFICIENT_DATA;
            case NO_GAP, REFERENCE -> CheckStatus.PASS;
            case GAP_NOT_SIGNIFICANT -> ratio < t.approvalRatioFailBelow() ? CheckStatus.WARN : CheckStatus.PASS;
            case GAP_JUSTIFIED_BY_RISK -> CheckStatus.WARN;
            case UNEXPLAINED_GAP -> ratio < t.approvalRatioFailBelow() ? CheckStatus.FAIL : CheckStatus.WARN;
        };
        String note = switch (d.classification()) {
            case GAP_JUSTIFIED_BY_RISK -> "Approval gap justified by observed risk: " + d.explanation();
            case UNEXPLAINED_GAP -> (status == CheckStatus.FAIL ? "Unexplained approval gap against "
                    : "Approval ratio in the warning band against ") + refLabel + ": " + d.explanation();
            default -> d.explanation();
        };
        String evidence = gr.group() + " approved " + Fmt.rate(gr.approval()) + "; reference " + refLabel
                + " approved " + Fmt.rate(RateEstimate.of(ref.fav, ref.n)) + "; ratio " + Fmt.r(c.ratio())
                + " " + Fmt.ci(c.ratioCi()) + ", difference " + Fmt.signed(c.difference()) + " " + Fmt.ci(c.differenceCi())
                + ", " + Fmt.pEq(c.pValue()) + " (Holm-adjusted " + Fmt.pEq(adjusted) + ")" + riskEvidence(d);
        String threshold = "ratio >= " + Fmt.r(t.approvalRatioWarnBelow()) + " pass; < " + Fmt.r(t.approvalRatioFailBelow())
                + " fail if significant and unexplained; n >= " + t.minGroupSize();
        return new CheckResult("approval-ratio", gr.grouping(), gr.group(), status, c.ratio(), c.ratioCi(),
                c.pValue(), adjusted, gr.count(), threshold, evidence, note);
    }

    private static String riskEvidence(JustifiedDisparity d) {
        StringBuilder sb = new StringBuilder();
        if (d.defaultRateGap().isPresent()) {
            sb.append("; default-rate gap ").append(Fmt.signed(d.defaultRateGap())).append(' ')
                    .append(Fmt.ci(d.defaultRateGapCi()));
        }
        if (d.pdGap().isPresent()) {
            sb.append("; mean-PD gap ").append(Fmt.signed(d.pdGap()));
        }
        return sb.toString();
    }

    private static CheckResult equalOpportunityCheck(GroupResult gr, GroupStats g, GroupStats ref,
            FairnessThresholds t, OptionalDouble adjusted) {
        String threshold = "|TPR difference| <= " + Fmt.r(t.equalOpportunityWarnAbove()) + " pass; > "
                + Fmt.r(t.equalOpportunityFailAbove()) + " fail if significant; n >= " + t.minGroupSize()
                + ", good outcomes >= " + t.minClassSize();
        String evidence = gr.group() + " TPR " + tprText(g) + "; reference " + ref.label + " TPR " + tprText(ref);
        Optional<OutcomeMetrics> om = gr.outcomes();
        if (!eoEligible(g, ref, t) || om.isEmpty() || om.get().equalOpportunityDifference().isEmpty()) {
            return new CheckResult("equal-opportunity", gr.grouping(), gr.group(), CheckStatus.INSUFFICIENT_DATA,
                    om.map(OutcomeMetrics::equalOpportunityDifference).orElse(OptionalDouble.empty()),
                    Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), gr.count(), threshold, evidence,
                    "Too few records or good outcomes in the group or the reference to compare true positive rates.");
        }
        OutcomeMetrics m = om.get();
        double diff = m.equalOpportunityDifference().getAsDouble();
        boolean significant = adjusted.orElse(1.0) < t.alpha();
        Graded graded = grade(Math.abs(diff), t.equalOpportunityWarnAbove(), t.equalOpportunityFailAbove(),
                significant, "TPR difference " + Fmt.signed(diff) + " (" + gr.group() + " minus " + ref.label + ")");
        evidence += "; difference " + Fmt.signed(diff) + " " + Fmt.ci(m.equalOpportunityCi()) + ", "
                + Fmt.pEq(m.equalOpportunityPValue()) + "; average-odds difference " + Fmt.signed(m.averageOddsDifference());
        return new CheckResult("equal-opportunity", gr.grouping(), gr.group(), graded.status(),
                m.equalOpportunityDifference(), m.equalOpportunityCi(), m.equalOpportunityPValue(), adjusted, gr.count(),
                threshold, evidence, graded.note());
    }

    private static String tprText(GroupStats s) {
        int good = s.tp + s.fn;
        return s.tp + "/" + good + " = " + (good == 0 ? Fmt.ABSENT : Fmt.r((double) s.tp / good));
    }

    private static CheckResult calibrationCheck(GroupResult gr, FairnessThresholds t, OptionalDouble adjusted) {
        String threshold = "|mean PD - observed default rate| <= " + Fmt.r(t.calibrationWarnAbove()) + " pass; > "
                + Fmt.r(t.calibrationFailAbove()) + " fail if significant; records with PD and outcome >= "
                + t.minGroupSize();
        Optional<OutcomeMetrics> om = gr.outcomes();
        if (om.isEmpty() || om.get().calibrationCount() < t.minGroupSize()) {
            int n = om.map(OutcomeMetrics::calibrationCount).orElse(0);
            return new CheckResult("calibration", gr.grouping(), gr.group(), CheckStatus.INSUFFICIENT_DATA,
                    om.map(OutcomeMetrics::calibrationGap).orElse(OptionalDouble.empty()), Optional.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), gr.count(), threshold, gr.group() + ": " + n
                            + " records with both PD and outcome",
                    "Too few records with both a PD and an observed outcome.");
        }
        OutcomeMetrics m = om.get();
        double gap = m.calibrationGap().getAsDouble();
        double mean = m.calibrationMeanPd().getAsDouble();
        Interval observedCi = m.calibrationObserved().ci();
        Interval gapCi = Interval.of(mean - observedCi.upper(), mean - observedCi.lower());
        boolean significant = adjusted.orElse(1.0) < t.alpha();
        Graded graded = grade(Math.abs(gap), t.calibrationWarnAbove(), t.calibrationFailAbove(), significant,
                "Calibration gap " + Fmt.signed(gap) + (gap > 0 ? " (model overstates risk)" : gap < 0
                        ? " (model understates risk)" : ""));
        String evidence = gr.group() + " mean PD " + Fmt.r(mean) + " vs observed default rate "
                + Fmt.rate(m.calibrationObserved()) + "; gap " + Fmt.signed(gap) + " " + Fmt.ci(gapCi) + ", "
                + Fmt.pEq(m.calibrationPValue()) + " (Holm-adjusted " + Fmt.pEq(adjusted) + ")";
        return new CheckResult("calibration", gr.grouping(), gr.group(), graded.status(), m.calibrationGap(),
                Optional.of(gapCi), m.calibrationPValue(), adjusted, m.calibrationCount(), threshold,
                evidence, graded.note());
    }

    private record Graded(CheckStatus status, String note) {
    }

    /** Grades a magnitude: see the class documentation. */
    private static Graded grade(double magnitude, double warn, double fail, boolean significant, String what) {
        if (magnitude <= warn) {
            return new Graded(CheckStatus.PASS, what + " is within " + Fmt.r(warn) + ".");
        }
        if (magnitude > fail) {
            return significant
                    ? new Graded(CheckStatus.FAIL, what + " exceeds " + Fmt.r(fail) + " and is significant.")
                    : new Graded(CheckStatus.WARN, what + " exceeds " + Fmt.r(fail) + " but is not significant.");
        }
        return significant
                ? new Graded(CheckStatus.WARN, what + " is above " + Fmt.r(warn) + " and significant.")
                : new Graded(CheckStatus.PASS, what + " is above " + Fmt.r(warn) + " but not significant.");
    }

    private static FairlearnSummary summarize(Collection<GroupStats> all, int minGroupSize) {
        List<GroupStats> groups = all.stream().filter(g -> g.n >= minGroupSize).toList();
        int small = all.size() - groups.size();
        if (groups.isEmpty()) {
            return new FairlearnSummary(0, small, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty());
        }
        double minRate = Double.POSITIVE_INFINITY;
        double maxRate = Double.NEGATIVE_INFINITY;
        List<Double> tprs = new ArrayList<>();
        List<Double> fprs = new ArrayList<>();
        for (GroupStats g : groups) {
            double rate = (double) g.fav / g.n;
            minRate = Math.min(minRate, rate);
            maxRate = Math.max(maxRate, rate);
            if (g.tp + g.fn > 0) {
                tprs.add((double) g.tp / (g.tp + g.fn));
            }
            if (g.fp + g.tn > 0) {
                fprs.add((double) g.fp / (g.fp + g.tn));
            }
        }
        OptionalDouble eoDiff = OptionalDouble.empty();
        OptionalDouble eoRatio = OptionalDouble.empty();
        if (!tprs.isEmpty() || !fprs.isEmpty()) {
            double diff = Math.max(range(tprs), range(fprs));
            eoDiff = OptionalDouble.of(diff);
            double ratio = Math.min(minOverMax(tprs), minOverMax(fprs));
            eoRatio = Double.isInfinite(ratio) ? OptionalDouble.empty() : OptionalDouble.of(ratio);
        }
        return new FairlearnSummary(groups.size(), small, OptionalDouble.of(maxRate - minRate),
                maxRate == 0.0 ? OptionalDouble.empty() : OptionalDouble.of(minRate / maxRate), eoDiff, eoRatio);
    }

    private static double range(List<Double> xs) {
        if (xs.isEmpty()) {
            return 0.0;
        }
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max - min;
    }

    /** min/max of the values; +infinity when empty or max is 0 (so it never wins a min()). */
    private static double minOverMax(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max == 0.0 ? Double.POSITIVE_INFINITY : min / max;
    }

    private static OptionalDouble betweenGroupTheil(Collection<GroupStats> groups) {
        double[] means = new double[groups.size()];
        long[] weights = new long[groups.size()];
        int i = 0;
        for (GroupStats g : groups) {
            if (g.withOutcome() > 0) {
                means[i] = g.benefitSum / g.withOutcome();
                weights[i] = g.withOutcome();
            }
            i++;
        }
        return Fmt.opt(Stats.theil(means, weights));
    }

    private static CheckStatus verdict(List<CheckResult> checks) {
        Map<CheckStatus, Integer> counts = new HashMap<>();
        for (CheckResult c : checks) {
            counts.merge(c.status(), 1, Integer::sum);
        }
        if (counts.containsKey(CheckStatus.FAIL)) {
            return CheckStatus.FAIL;
        }
        if (counts.containsKey(CheckStatus.WARN)) {
            return CheckStatus.WARN;
        }
        if (counts.containsKey(CheckStatus.PASS)) {
            return CheckStatus.PASS;
        }
        return CheckStatus.INSUFFICIENT_DATA;
    }

    /**
     * Running counts of one cell (a combination of every attribute's value) or of one group (a sum
     * of cells). The risks of records with an outcome are kept per class, primitive and sorted
     * lazily, for the group's AUC; everything else is a sufficient statistic.
     */
    static final class GroupStats {
        final String label;
        final List<String> values;
        final double[] edges;
        int n;
        int fav;
        int pdCount;
        double pdSum;
        int tp;
        int fp;
        int tn;
        int fn;
        double benefitSum;
        int calCount;
        double calPdSum;
        int calBad;
        final DoubleColumn badPd = new DoubleColumn();
        final DoubleColumn goodPd = new DoubleColumn();
        final DoubleColumn badScore = new DoubleColumn();
        final DoubleColumn goodScore = new DoubleColumn();
        /** The cells summed into this group, whose risk columns its AUC reads. */
        final List<GroupStats> cells = new ArrayList<>();
        final int[] bandCount;
        final int[] bandApproved;
        final double[] bandPdSum;
        final int[] bandWithOutcome;
        final int[] bandBad;

        GroupStats(String label, List<String> values, List<Double> edges) {
            this.label = label;
            this.values = values;
            this.edges = edges.stream().mapToDouble(Double::doubleValue).toArray();
            int bands = this.edges.length - 1;
            bandCount = new int[bands];
            bandApproved = new int[bands];
            bandPdSum = new double[bands];
            bandWithOutcome = new int[bands];
            bandBad = new int[bands];
        }

        int withOutcome() {
            return tp + fp + tn + fn;
        }

        /** Adds one record; {@code pd} and {@code score} are NaN when absent (checked by the caller). */
        void add(boolean favourable, double pd, double score, Outcome outcome) {
            n++;
            if (favourable) {
                fav++;
            }
            boolean known = outcome != Outcome.UNKNOWN;
            boolean bad = outcome == Outcome.BAD;
            if (known) {
                if (favourable) {
                    if (bad) {
                        fp++;
                    } else {
                        tp++;
                    }
                } else if (bad) {
                    tn++;
                } else {
                    fn++;
                }
                benefitSum += benefit(favourable, outcome);
            }
            if (!Double.isNaN(pd)) {
                pdCount++;
                pdSum += pd;
                int band = band(pd);
                bandCount[band]++;
                bandPdSum[band] += pd;
                if (favourable) {
                    bandApproved[band]++;
                }
                if (known) {
                    calCount++;
                    calPdSum += pd;
                    bandWithOutcome[band]++;
                    if (bad) {
                        calBad++;
                        bandBad[band]++;
                    }
                    (bad ? badPd : goodPd).add(pd);
                }
            }
            if (known && !Double.isNaN(score)) {
                (bad ? badScore : goodScore).add(-score);
            }
        }

        /** Adds a cell's counts and risks. */
        void merge(GroupStats c) {
            n += c.n;
            fav += c.fav;
            pdCount += c.pdCount;
            pdSum += c.pdSum;
            tp += c.tp;
            fp += c.fp;
            tn += c.tn;
            fn += c.fn;
            benefitSum += c.benefitSum;
            calCount += c.calCount;
            calPdSum += c.calPdSum;
            calBad += c.calBad;
            cells.add(c);
            for (int i = 0; i < bandCount.length; i++) {
                bandCount[i] += c.bandCount[i];
                bandApproved[i] += c.bandApproved[i];
                bandPdSum[i] += c.bandPdSum[i];
                bandWithOutcome[i] += c.bandWithOutcome[i];
                bandBad[i] += c.bandBad[i];
            }
        }

        int band(double pd) {
            for (int i = 1; i < edges.length - 1; i++) {
                if (pd < edges[i]) {
                    return i - 1;
                }
            }
            return edges.length - 2;
        }

        void sortRisks() {
            badPd.sort();
            goodPd.sort();
            badScore.sort();
            goodScore.sort();
        }

        /** AUC of PD where any record has one, else of the negated score; NaN if neither. */
        double auc() {
            boolean byPd = cells.stream().anyMatch(c -> c.badPd.size + c.goodPd.size > 0);
            return Stats.aucOfClasses(concatenated(byPd ? c -> c.badPd : c -> c.badScore),
                    concatenated(byPd ? c -> c.goodPd : c -> c.goodScore));
        }

        /** One class's risks over the cells, sorted: the cells' runs are sorted, so the sort merges them. */
        private double[] concatenated(java.util.function.Function<GroupStats, DoubleColumn> column) {
            int size = 0;
            for (GroupStats c : cells) {
                size += column.apply(c).size;
            }
            double[] all = new double[size];
            int at = 0;
            for (GroupStats c : cells) {
                DoubleColumn d = column.apply(c);
                System.arraycopy(d.values, 0, all, at, d.size);
                at += d.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** A growable column of doubles. */
    static final class DoubleColumn {
        double[] values = new double[8];
        int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void sort() {
            Arrays.sort(values, 0, size);
        }
    }
}
