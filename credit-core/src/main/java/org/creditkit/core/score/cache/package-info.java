/**
 * A size-bounded, expiring score cache keyed by enterprise and data version, with per-enterprise
 * invalidation and statistics (Caffeine).
 */
package org.creditkit.core.score.cache;
