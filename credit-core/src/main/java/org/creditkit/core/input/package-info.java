/**
 * The creditkit JSON format of a loan application: {@link org.creditkit.core.input.ApplicationJson}
 * writes it, {@link org.creditkit.core.input.StrictApplicationReader} reads it strictly (every problem
 * of a document reported with its JSON path), one document or a JSON Lines batch in constant memory.
 * The format is specified in {@code docs/json-format.md}.
 */
package org.creditkit.core.input;
