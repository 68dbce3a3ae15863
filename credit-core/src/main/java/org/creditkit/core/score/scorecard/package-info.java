/**
 * Points scorecards: binned characteristics (numeric intervals or category sets, each with a
 * missing bin) evaluated over flat primitive tables, and their bundle format.
 */
package org.creditkit.core.score.scorecard;
