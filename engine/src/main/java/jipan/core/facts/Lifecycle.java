package jipan.core.facts;

/** A vehicle's lifecycle stage (SPEC 3.5). */
public enum Lifecycle {
    FIRST_MAINTENANCE_DUE, IN_WARRANTY, OUT_OF_WARRANTY
}
