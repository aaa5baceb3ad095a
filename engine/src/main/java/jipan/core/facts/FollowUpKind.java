package jipan.core.facts;

/** What a follow-up is: the task the rules give the dealership for a customer, a vehicle or a lead. */
public enum FollowUpKind {
    /** An AT_RISK customer: a call to bring them back before they are lost. */
    RETENTION_CALL,
    /** A new vehicle whose free first maintenance is due. */
    FIRST_MAINTENANCE_REMINDER,
    /** A vehicle whose warranty ends soon: an offer of a service before it does. */
    WARRANTY_ENDING_OFFER
}
