package jipan.core.facts;

/** What a repair order was for. */
public enum ServiceType {
    FIRST_MAINTENANCE, MAINTENANCE, REPAIR, ACCIDENT, RECALL, OTHER
}
