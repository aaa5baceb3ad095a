package jipan.core.facts;

/** How a repair order was paid; only CUSTOMER_PAY counts towards the service tiers. */
public enum PayType {
    CUSTOMER_PAY, WARRANTY, INSURANCE, INTERNAL
}
