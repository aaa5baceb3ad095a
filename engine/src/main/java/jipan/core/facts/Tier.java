package jipan.core.facts;

/** After-sales service tier (SPEC 3.1). */
public enum Tier {
    A, B, C, D, NONE, NEW
}
