package jipan.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import jipan.core.facts.Complaint;
import jipan.core.facts.Contact;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;

/**
 * One customer with every fact recorded about it: what a request or the store hands to the classifier.
 * {@code contacts} are the calls recorded on the customer's tasks (the store keeps them as task outcomes).
 */
public record CustomerFacts(Customer customer, List<Vehicle> vehicles, List<Visit> visits, List<Lead> leads,
                            List<Complaint> complaints, List<EventAttendance> events, List<Referral> referrals,
                            List<Survey> surveys, List<Contact> contacts) {

    /** A customer nobody called yet. */
    public CustomerFacts(Customer customer, List<Vehicle> vehicles, List<Visit> visits, List<Lead> leads,
                         List<Complaint> complaints, List<EventAttendance> events, List<Referral> referrals,
                         List<Survey> surveys) {
        this(customer, vehicles, visits, leads, complaints, events, referrals, surveys, List.of());
    }

    /** The same customer and facts, as a customer of {@code store} (a 4S store's code). */
    public CustomerFacts inStore(String store) {
        return new CustomerFacts(customer.inStore(store), vehicles, visits, leads, complaints, events, referrals, surveys,
                contacts);
    }

    public CustomerFacts {
        contacts = List.copyOf(contacts);
        vehicles = List.copyOf(vehicles);
        visits = List.copyOf(visits);
        leads = List.copyOf(leads);
        complaints = List.copyOf(complaints);
        events = List.copyOf(events);
        referrals = List.copyOf(referrals);
        surveys = List.copyOf(surveys);
    }

    /**
     * The facts as they stood on {@code asOf} (SPEC 3.7: facts dated after asOf are ignored everywhere):
     * later vehicles, visits, complaints, events, referrals and surveys are left out; a lead created later is
     * left out, and a lead closed later is still open on asOf; a complaint answered or resolved later was not yet
     * on asOf; calls made later are left out.
     */
    public CustomerFacts asOf(LocalDate asOf) {
        return new CustomerFacts(customer,
                upTo(vehicles, Vehicle::getPurchaseDate, asOf),
                upTo(visits, Visit::getDate, asOf),
                leads.isEmpty() ? leads
                        : upTo(leads, Lead::getCreatedOn, asOf).stream().map(lead -> openOn(lead, asOf)).toList(),
                complaints.isEmpty() ? complaints : upTo(complaints, Complaint::getDate, asOf).stream()
                        .map(complaint -> complaintOn(complaint, asOf)).toList(),
                upTo(events, EventAttendance::getDate, asOf),
                upTo(referrals, Referral::getDate, asOf),
                upTo(surveys, Survey::getDate, asOf),
                upTo(contacts, Contact::getDate, asOf));
    }

    private static Complaint complaintOn(Complaint complaint, LocalDate asOf) {
        boolean answeredLater = complaint.getAnsweredOn() != null && complaint.getAnsweredOn().isAfter(asOf);
        boolean resolvedLater = complaint.getResolvedOn() != null && complaint.getResolvedOn().isAfter(asOf);
        if (!answeredLater && !resolvedLater) {
            return complaint;
        }
        return new Complaint(complaint.getDate(), complaint.getSubject(), complaint.isResolved() && !resolvedLater,
                answeredLater ? null : complaint.getAnsweredOn(), resolvedLater ? null : complaint.getResolvedOn());
    }

    /** Hands every fact to {@code receiver}, in the order the engine receives them. */
    public void forEach(Consumer<Object> receiver) {
        receiver.accept(customer);
        for (List<?> facts : List.of(vehicles, visits, leads, complaints, events, referrals, surveys, contacts)) {
            for (Object fact : facts) {
                receiver.accept(fact);
            }
        }
    }

    /** The facts dated up to asOf (or undated); the same list when none is later, as is usual. */
    private static <T> List<T> upTo(List<T> facts, Function<T, LocalDate> date, LocalDate asOf) {
        for (int i = 0; i < facts.size(); i++) {
            LocalDate dated = date.apply(facts.get(i));
            if (dated != null && dated.isAfter(asOf)) {
                List<T> kept = new ArrayList<>(facts.subList(0, i));
                for (int j = i + 1; j < facts.size(); j++) {
                    dated = date.apply(facts.get(j));
                    if (dated == null || !dated.isAfter(asOf)) {
                        kept.add(facts.get(j));
                    }
                }
                return kept;
            }
        }
        return facts;
    }

    private static Lead openOn(Lead lead, LocalDate asOf) {
        boolean closedLater = lead.getClosedOn() != null && lead.getClosedOn().isAfter(asOf);
        LocalDate lastFollowUp = lead.getLastFollowUp() != null && lead.getLastFollowUp().isAfter(asOf)
                ? null : lead.getLastFollowUp();
        if (!closedLater && lastFollowUp == lead.getLastFollowUp()) {
            return lead;
        }
        return new Lead(lead.getLeadId(), lead.getModel(), lead.getCreatedOn(),
                closedLater ? null : lead.getClosedOn(),
                closedLater ? LeadStatus.OPEN : lead.getStatus(),
                closedLater ? null : lead.getDefeatReason(),
                closedLater ? null : lead.getCompetitorBrand(),
                closedLater ? null : lead.getCompetitorModel(),
                lead.getFollowUps(), lastFollowUp, lead.getConsultant());
    }
}
