package jipan.core.facts;

/** Why a defeated (战败) lead bought elsewhere, as recorded by the sales consultant. */
public enum DefeatReason {
    PRICE, DEALER_MARKUP, PROMOTION_MISMATCH, PRODUCT, BRAND, FINANCING, SERVICE, DISTANCE, POSTPONED, OTHER
}
