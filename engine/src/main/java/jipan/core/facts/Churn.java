package jipan.core.facts;

/** Churn status (SPEC 3.2). */
public enum Churn {
    ACTIVE, AT_RISK, LOST
}
