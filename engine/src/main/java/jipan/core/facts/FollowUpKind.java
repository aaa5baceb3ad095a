package jipan.core.facts;

/** What a follow-up is: the task the rules give the dealership for a customer, a vehicle or a lead. */
public enum FollowUpKind {
    /** An AT_RISK customer: a call to bring them back before they are lost. */
    RETENTION_CALL,
    /** An ACTIVE tier A or B customer overdue against their own rhythm of visits: a call before they lapse. */
    RHYTHM_LAPSE_CALL,
    /** A new vehicle whose free first maintenance is due. */
    FIRST_MAINTENANCE_REMINDER,
    /** A vehicle whose warranty ends soon: an offer of a service before it does. */
    WARRANTY_ENDING_OFFER,
    /** An open lead nobody followed up for too long (STALLED): sales follows it up. */
    STALLED_LEAD,
    /** A lead lost over service or distance: a manager calls soon after it closed. */
    MANAGER_CALL,
    /** A lead lost over price: sales offers again when the next promotion starts. */
    PRICE_REOFFER,
    /** A prospect who postponed buying: sales calls again every so many days after closing. */
    POSTPONED_RECONTACT,
    /** A prospect a competitor won (CONQUEST_SERVICE): their car is invited to the workshop. */
    AFTER_SALES_INVITATION,
    /** A lead lost over financing: sales offers a finance plan. */
    FINANCE_OFFER,
    /** A lead lost over the product or the brand: sales invites the prospect to the next new-model launch. */
    LAUNCH_INVITATION,
    /** A defeat whose reason nobody analysed (UNANALYSED): the consultant records the real reason. */
    DEFEAT_REASON_RECORD
}
