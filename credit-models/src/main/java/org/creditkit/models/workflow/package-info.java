/**
 * End-to-end training and evaluation as the command line runs them, usable from code too:
 * {@link org.creditkit.models.workflow.Training} (base model, optional cross-validation, industry
 * overlays, calibration), {@link org.creditkit.models.workflow.ModelEvaluation} (every metric and
 * table of a model on a dataset) and {@link org.creditkit.models.workflow.MetricsJson} (the metrics
 * file).
 */
package org.creditkit.models.workflow;
