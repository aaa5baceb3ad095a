package jipan.core.facts;

/** After-sales service tier (SPEC 3.1). */
public enum Tier {
    A, B, C, D, NONE, NEW,
    /** Never came to the workshop and bought no car in the window: not yet a customer of the workshop (not D). */
    PROSPECT
}
