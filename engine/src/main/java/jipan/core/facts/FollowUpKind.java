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
    DEFEAT_REASON_RECORD,
    /** A LOST customer who was a customer: a call with an offer graded by what they were worth (流失客户挽回). */
    WIN_BACK,
    /** A car delivered a few days ago: the call after delivery (交车回访). */
    DELIVERY_CALL,
    /** A new car past its first-maintenance deadline without it: a chase until it comes or a limit passes. */
    FIRST_MAINTENANCE_CHASE,
    /** An unresolved complaint: the manager answers it within a day (投诉 24 小时内答复). */
    COMPLAINT_RESPONSE,
    /** A complaint still unresolved after a month: escalated (一个月内处理完). */
    COMPLAINT_ESCALATION,
    /** The contact plan: a care call when the last contact is older than the base grade's interval (关怀回访). */
    CARE_CALL,
    /** A LOYAL customer who referred nobody in the window: ask for a referral (转介绍). */
    REFERRAL_ASK,
    /** A few days after a visit: the call back about it (维修后回访), whose outcome may carry satisfaction. */
    VISIT_CALLBACK
}
