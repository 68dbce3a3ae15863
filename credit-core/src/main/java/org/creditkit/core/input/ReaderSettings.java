package org.creditkit.core.input;

import java.time.Clock;
import java.time.Duration;

/** The limits of a {@link StrictApplicationReader}; validated by its builder. */
record ReaderSettings(int maxDocumentBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength,
                      int maxKeyLength, int maxSeriesMonths, Duration futureTolerance, Clock clock) {
}
