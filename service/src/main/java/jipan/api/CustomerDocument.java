package jipan.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import jipan.core.CustomerFacts;
import jipan.core.facts.Complaint;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;

/** A stored customer in the customer JSON of SPEC §5: what {@code GET /api/v1/customers/{id}} answers. */
public record CustomerDocument(@JsonUnwrapped Customer customer, List<Vehicle> vehicles, List<Visit> visits,
                               List<Lead> leads, List<Complaint> complaints, List<EventAttendance> events,
                               List<Referral> referrals, List<Survey> surveys) {

    public static CustomerDocument of(CustomerFacts facts) {
        return new CustomerDocument(facts.customer(), facts.vehicles(), facts.visits(), facts.leads(),
                facts.complaints(), facts.events(), facts.referrals(), facts.surveys());
    }
}
