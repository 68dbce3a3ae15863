/**
 * Immutable records of a loan application and the enterprise it is about, with every public-data
 * source as an optional record carrying its provenance. A source that was not supplied is
 * {@link java.util.Optional#empty() absent}, never zero.
 */
package org.creditkit.core.domain;
