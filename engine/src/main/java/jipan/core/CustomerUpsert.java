package jipan.core;

/**
 * One customer to store, and which of its lists without a natural key (complaints, events, referrals,
 * surveys) the sender gave: a given list replaces the stored one, a list not given leaves it as it is.
 * Vehicles, visits and leads are merged by their keys and never removed by leaving them out.
 */
public record CustomerUpsert(CustomerFacts facts, boolean complaintsGiven, boolean eventsGiven,
                             boolean referralsGiven, boolean surveysGiven) {

    /** A customer whose every list is given, as a complete record. */
    public static CustomerUpsert complete(CustomerFacts facts) {
        return new CustomerUpsert(facts, true, true, true, true);
    }
}
