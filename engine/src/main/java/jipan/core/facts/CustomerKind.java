package jipan.core.facts;

/** Who the customer is. */
public enum CustomerKind {
    PERSON, COMPANY, FLEET
}
