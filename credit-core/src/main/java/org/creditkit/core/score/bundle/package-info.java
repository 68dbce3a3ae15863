/**
 * The versioned JSON model-bundle format (checksum-sealed, validated on load, never Java
 * serialization) and the default expert bundle shipped with credit-core.
 */
package org.creditkit.core.score.bundle;
