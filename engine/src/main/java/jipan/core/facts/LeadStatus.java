package jipan.core.facts;

/** Where a sales lead stands. */
public enum LeadStatus {
    OPEN, WON, DEFEATED, INVALID
}
