package org.creditkit.core.codes;

/** The four economic zones of mainland China used in national statistics. */
public enum EconomicZone {
    /** Eastern region (东部). */
    EAST,
    /** Central region (中部). */
    CENTRAL,
    /** Western region (西部). */
    WEST,
    /** Northeast (东北). */
    NORTHEAST
}
