package jipan.core.facts;

/** Churn status (SPEC 3.2). */
public enum Churn {
    ACTIVE, AT_RISK, LOST,
    /** A prospect (tier PROSPECT): never a workshop customer, so neither retained nor lost. */
    PROSPECT
}
