package jipan.core.facts;

/** The four parts of the 10-point loyalty score (SPEC 3.3): satisfaction with the car, regular maintenance, event participation, positive word of mouth. */
public enum LoyaltyPart {
    SATISFACTION, MAINTENANCE, ACTIVITY, ADVOCACY
}
