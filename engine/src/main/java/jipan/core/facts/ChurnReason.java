package jipan.core.facts;

/** Why a customer stopped coming, as the customer said on a retention or win-back call (找出导致顾客流失的原因). */
public enum ChurnReason {
    /** Too expensive here. */
    PRICE,
    /** Moved, or the workshop is too far. */
    MOVED_AWAY,
    /** Unhappy with the quality of the work or the car. */
    QUALITY,
    /** Unhappy with how the staff treated them. */
    SERVICE_ATTITUDE,
    /** Sold the car. */
    SOLD_VEHICLE,
    /** Any other reason (the note says which). */
    OTHER
}
