package jipan.core.facts;

/** What a follow-up is: the task the rules give the dealership for a customer, a vehicle or a lead. */
public enum FollowUpKind {
    /** An AT_RISK customer: a call to bring them back before they are lost. */
    RETENTION_CALL,
    /** A new vehicle whose free first maintenance is due. */
    FIRST_MAINTENANCE_REMINDER,
    /** A vehicle whose warranty ends soon: an offer of a service before it does. */
    WARRANTY_ENDING_OFFER,
    /** An open lead nobody followed up for too long (STALLED): sales follows it up. */
    STALLED_LEAD,
    /** A lead lost over service or distance: a manager calls soon after it closed. */
    MANAGER_CALL,
    /** A prospect a competitor won (CONQUEST_SERVICE): their car is invited to the workshop. */
    AFTER_SALES_INVITATION
}
