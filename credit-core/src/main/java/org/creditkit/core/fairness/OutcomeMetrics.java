package org.creditkit.core.fairness;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A group's metrics over the records with an observed outcome.
 *
 * <p>Confusion counts take the favourable decision as the prediction {@code ŷ = 1} and a good
 * outcome (no default) as the label {@code y = 1}: TP = approved and good, FP = approved and bad,
 * TN = declined and bad, FN = declined and good. Then
 * <ul>
 *   <li>TPR = TP / (TP + FN): share of good borrowers approved (absent if no good outcome);</li>
 *   <li>FPR = FP / (FP + TN): share of defaulters approved (absent if no bad outcome);</li>
 *   <li>FNR = FN / (TP + FN) = 1 - TPR: share of good borrowers declined;</li>
 *   <li>PPV = TP / (TP + FP): share of approved that did not default (absent if none approved);</li>
 *   <li>NPV = TN / (TN + FN): share of declined that would have defaulted (absent if none declined);</li>
 *   <li>equal-opportunity difference = TPR(group) - TPR(reference) (Hardt et al. 2016);</li>
 *   <li>average-odds difference = ((FPR(g) - FPR(ref)) + (TPR(g) - TPR(ref))) / 2 (as AIF360);</li>
 *   <li>default rate = bad / withOutcome with its Wilson interval, and its comparison with the
 *       reference (group minus reference);</li>
 *   <li>calibration in the large over records with both a PD and an outcome:
 *       {@code calibrationGap = mean PD - observed default rate} (positive: the model overstates
 *       the group's risk, i.e. scores it too low);</li>
 *   <li>AUC of the PD (or, without PD, of the negated score) for predicting default; absent if a
 *       class is missing.</li>
 * </ul>
 *
 * @param withOutcome records with a known outcome
 * @param good records with outcome GOOD
 * @param bad records with outcome BAD
 * @param truePositives approved and good
 * @param falsePositives approved and bad
 * @param trueNegatives declined and bad
 * @param falseNegatives declined and good
 * @param defaultRate bad / withOutcome
 * @param defaultRateVsReference default rate compared with the reference's
 * @param tpr true positive rate
 * @param fpr false positive rate
 * @param fnr false negative rate
 * @param ppv positive predictive value
 * @param npv negative predictive value
 * @param equalOpportunityDifference TPR(group) - TPR(reference)
 * @param equalOpportunityCi 95% interval of the equal-opportunity difference
 * @param equalOpportunityPValue p-value of "TPRs are equal"
 * @param averageOddsDifference average of the FPR and TPR differences
 * @param calibrationCount records with both a PD and an outcome
 * @param calibrationMeanPd mean PD over those records
 * @param calibrationObserved observed default rate over those records, with Wilson interval
 * @param calibrationGap mean PD minus observed default rate
 * @param calibrationPValue two-sided p-value of "the expected default rate equals the mean PD"
 *     (score test {@code z = (observed - meanPd) / sqrt(meanPd (1 - meanPd) / n)})
 * @param auc area under the ROC curve for predicting default
 */
public record OutcomeMetrics(int withOutcome, int good, int bad, int truePositives, int falsePositives,
        int trueNegatives, int falseNegatives, RateEstimate defaultRate, Comparison defaultRateVsReference,
        OptionalDouble tpr, OptionalDouble fpr, OptionalDouble fnr, OptionalDouble ppv, OptionalDouble npv,
        OptionalDouble equalOpportunityDifference, Optional<Interval> equalOpportunityCi,
        OptionalDouble equalOpportunityPValue, OptionalDouble averageOddsDifference, int calibrationCount,
        OptionalDouble calibrationMeanPd, RateEstimate calibrationObserved, OptionalDouble calibrationGap,
        OptionalDouble calibrationPValue, OptionalDouble auc) {
}
