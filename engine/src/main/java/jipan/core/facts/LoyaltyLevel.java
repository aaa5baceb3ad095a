package jipan.core.facts;

/** Loyalty level (SPEC 3.3, seed 004). */
public enum LoyaltyLevel {
    LOYAL, ORDINARY, WEAK, LOST
}
