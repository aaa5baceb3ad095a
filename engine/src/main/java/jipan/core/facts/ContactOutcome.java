package jipan.core.facts;

/** How a call the dealership made ended: reached and handled, the customer could not be reached, or declined. */
public enum ContactOutcome {
    DONE, UNREACHABLE, DECLINED
}
