/**
 * National code standards: the unified social credit code (USCC, GB 32100-2015) with its check
 * character, GB/T 4754-2017 industry codes, GB/T 2260 region codes with province and economic zone,
 * and the 2011 SME size classification.
 */
package org.creditkit.core.codes;
