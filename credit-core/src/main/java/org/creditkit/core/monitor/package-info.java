/**
 * After the loan: monitoring of booked loans month by month.
 *
 * <p>A loan book is a stream of {@link org.creditkit.core.monitor.BookedLoan} origination records, each
 * followed by its {@link org.creditkit.core.monitor.LoanMonth monthly source updates}. A
 * {@link org.creditkit.core.monitor.LoanMonitor} per loan turns each month into
 * {@link org.creditkit.core.monitor.WarningSignal early-warning signals} and a four-colour
 * {@link org.creditkit.core.monitor.WarningLevel level} (red / orange / yellow / blue) under
 * {@link org.creditkit.core.monitor.WarningParameters thresholds a risk team sets};
 * {@link org.creditkit.core.monitor.ApplicationUpdater} rolls the origination application forward so a
 * loan can be re-scored and re-limited every quarter; {@link org.creditkit.core.monitor.PortfolioMonitor}
 * aggregates the book (vintage curves, roll rates, default rate by warning level, the
 * risk-compensation fund's share of losses, score and feature drift) while it streams.
 */
package org.creditkit.core.monitor;
