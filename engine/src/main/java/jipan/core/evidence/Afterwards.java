package jipan.core.evidence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import jipan.core.CustomerFacts;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.PayType;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;

/**
 * What a customer did in the horizon after a date D, (D, D + H], read from every fact the store holds — the ground
 * truth a rule's answer as of D is judged by. {@code cameBack}: a customer-pay visit in the horizon (what the
 * practice counts as a returning customer; a warranty or insurance job is the car's, not the customer's choice);
 * {@code daysToReturn}: days from D to the first one (null if none); {@code bought}: a lead won, or a car bought
 * here, in the horizon.
 */
public record Afterwards(boolean cameBack, Integer daysToReturn, boolean bought) {

    /** {@code horizonEnd} is D + H: the horizon is (asOf, horizonEnd]. */
    public static Afterwards of(CustomerFacts facts, LocalDate asOf, LocalDate horizonEnd) {
        LocalDate first = null;
        for (Visit visit : facts.visits()) {
            LocalDate date = visit.getDate();
            if (visit.getPayType() == PayType.CUSTOMER_PAY && within(date, asOf, horizonEnd)
                    && (first == null || date.isBefore(first))) {
                first = date;
            }
        }
        boolean bought = false;
        for (Lead lead : facts.leads()) {
            bought |= lead.getStatus() == LeadStatus.WON && within(lead.getClosedOn(), asOf, horizonEnd);
        }
        for (Vehicle vehicle : facts.vehicles()) {
            bought |= within(vehicle.getPurchaseDate(), asOf, horizonEnd);
        }
        return new Afterwards(first != null, first == null ? null : (int) ChronoUnit.DAYS.between(asOf, first), bought);
    }

    private static boolean within(LocalDate date, LocalDate asOf, LocalDate horizonEnd) {
        return date != null && date.isAfter(asOf) && !date.isAfter(horizonEnd);
    }
}
