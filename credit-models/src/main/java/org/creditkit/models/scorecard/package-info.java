/**
 * Logistic scorecards on weight of evidence: {@link org.creditkit.models.scorecard.ScorecardTrainer}
 * bins the features, fits Smile's logistic regression on their WoE and scales the result into
 * points per bin ({@link org.creditkit.models.scorecard.TrainedScorecard}), the training-side
 * representation that is exported to the core scorecard format.
 */
package org.creditkit.models.scorecard;
