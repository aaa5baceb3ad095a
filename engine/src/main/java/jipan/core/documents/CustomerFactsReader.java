package jipan.core.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.Limits;
import jipan.core.facts.ChurnReason;
import jipan.core.facts.Complaint;
import jipan.core.facts.Contact;
import jipan.core.facts.ContactOutcome;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.Customer;
import jipan.core.facts.CustomerKind;
import jipan.core.facts.DefeatReason;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.PayType;
import jipan.core.facts.Recommend;
import jipan.core.facts.Referral;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;

/**
 * Turns the customer JSON of SPEC §5 into facts, checking everything SPEC §5 lists. The JSON tree is read by
 * hand rather than bound by Jackson so that every problem of a request is reported, each by its JSON path,
 * where binding would stop at the first wrong enum or date.
 */
public final class CustomerFactsReader {
    private static final int VIN_LENGTH = 17;
    private static final int MAX_MILEAGE = 10_000_000;
    private static final int MAX_COUNT = 100_000;

    /** Reads a classify request: {@code {"asOf": …, "customers": [ … ]}}. */
    public ClassifyRequest readClassifyRequest(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of("body: must be a JSON object with asOf and customers"));
        }
        JsonFields request = new JsonFields(body, "", problems);
        LocalDate asOf = request.date("asOf", true);
        if (body.get("customers") == null || body.get("customers").isNull()) {
            request.problem("customers", "is required");
        }
        List<CustomerFacts> customers = readCustomers(request.objects("customers"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ClassifyRequest(asOf, customers);
    }

    /**
     * Reads an upsert batch: {@code {"customers": [ … ]}} or a bare array of customers. Each customer notes
     * which keyless lists it carried, since only those replace what is stored.
     */
    public List<CustomerUpsert> readUpsertBatch(JsonNode body) {
        List<String> problems = new ArrayList<>();
        JsonNode customersNode = body != null && body.isObject() ? body.get("customers") : body;
        if (customersNode == null || !customersNode.isArray()) {
            throw new InvalidInputException(List.of("body: must be {\"customers\": [ … ]} or an array of customers"));
        }
        JsonNode wrapper = JsonNodeFactory.instance.objectNode().set("customers", customersNode);
        List<JsonFields> objects = new JsonFields(wrapper, "", problems).objects("customers");
        List<CustomerFacts> customers = readCustomers(objects);
        for (int i = 0; i < customers.size(); i++) {
            JsonNode contacts = customersNode.get(i).get("contacts");
            if (contacts != null && !contacts.isNull() && !contacts.isEmpty()) { // the store's calls are its task outcomes
                problems.add("customers[" + i + "].contacts: calls are recorded as task outcomes "
                        + "(POST /api/v1/call-lists/outcomes), not stored with the customer");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<CustomerUpsert> upserts = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            JsonNode customer = customersNode.get(i);
            upserts.add(new CustomerUpsert(customers.get(i), given(customer, "complaints"), given(customer, "events"),
                    given(customer, "referrals"), given(customer, "surveys")));
        }
        return upserts;
    }

    private static boolean given(JsonNode customer, String list) {
        return customer.hasNonNull(list);
    }

    private List<CustomerFacts> readCustomers(List<JsonFields> customerObjects) {
        List<CustomerFacts> customers = new ArrayList<>();
        Map<String, String> customerIds = new HashMap<>();
        Map<String, String> roNumbers = new HashMap<>();
        Map<String, String> leadIds = new HashMap<>();
        for (JsonFields customer : customerObjects) {
            customers.add(readCustomer(customer, customerIds, roNumbers, leadIds));
        }
        return customers;
    }

    private CustomerFacts readCustomer(JsonFields json, Map<String, String> customerIds,
                                       Map<String, String> roNumbers, Map<String, String> leadIds) {
        String id = json.text("id", true, Limits.ID);
        unique(json, "id", id, customerIds, "customer id");
        Customer customer = new Customer(id, json.text("name", false, Limits.NAME), json.text("phone", false, Limits.PHONE),
                json.text("region", false, Limits.REGION), json.text("industry", false, Limits.INDUSTRY), json.integer("birthYear", 1900, 2100),
                json.enumValue("kind", CustomerKind.class, false), json.bool("negativePublicity"),
                json.bool("leadsPassedFirst"), json.text("store", false, Limits.STORE));

        List<Vehicle> vehicles = new ArrayList<>();
        Map<String, String> vins = new HashMap<>();
        for (JsonFields vehicle : json.objects("vehicles")) {
            String vin = vin(vehicle);
            unique(vehicle, "vin", vin, vins, "vin");
            vehicles.add(new Vehicle(vin, vehicle.text("model", false, Limits.MODEL), vehicle.date("purchaseDate", false),
                    vehicle.date("warrantyEnd", false), vehicle.bool("boughtHere"), vehicle.bool("installment")));
        }
        Set<String> ownVins = vehicles.stream().map(Vehicle::getVin).collect(Collectors.toSet());

        List<Visit> visits = new ArrayList<>();
        for (JsonFields visit : json.objects("visits")) {
            String roNumber = visit.text("roNumber", true, Limits.ID);
            unique(visit, "roNumber", roNumber, roNumbers, "roNumber");
            String vin = visit.text("vin", true, Limits.ID);
            if (vin != null && !ownVins.contains(vin)) {
                visit.problem("vin", "'" + vin + "' is not one of this customer's vehicles");
            }
            visits.add(new Visit(roNumber, vin, visit.date("date", true),
                    visit.integer("mileage", 0, MAX_MILEAGE), visit.enumValue("payType", PayType.class, true),
                    visit.enumValue("serviceType", ServiceType.class, false), visit.nonNegativeDecimal("amount"),
                    visit.text("advisor", false, Limits.NAME)));
        }

        List<Lead> leads = new ArrayList<>();
        for (JsonFields lead : json.objects("leads")) {
            String leadId = lead.text("leadId", true, Limits.ID);
            unique(lead, "leadId", leadId, leadIds, "leadId");
            Integer followUps = lead.integer("followUps", 0, MAX_COUNT);
            leads.add(new Lead(leadId, lead.text("model", false, Limits.MODEL), lead.date("createdOn", true),
                    lead.date("closedOn", false), lead.enumValue("status", LeadStatus.class, true),
                    lead.enumValue("defeatReason", DefeatReason.class, false), lead.text("competitorBrand", false, Limits.BRAND),
                    lead.text("competitorModel", false, Limits.MODEL), followUps == null ? 0 : followUps,
                    lead.date("lastFollowUp", false), lead.text("consultant", false, Limits.NAME)));
        }

        List<Complaint> complaints = new ArrayList<>();
        for (JsonFields complaint : json.objects("complaints")) {
            LocalDate made = complaint.date("date", true);
            LocalDate answeredOn = complaint.date("answeredOn", false);
            LocalDate resolvedOn = complaint.date("resolvedOn", false);
            notBefore(complaint, "answeredOn", answeredOn, made);
            notBefore(complaint, "resolvedOn", resolvedOn, made);
            complaints.add(new Complaint(made, complaint.enumValue("subject", ComplaintSubject.class, true),
                    complaint.bool("resolved"), answeredOn, resolvedOn));
        }
        List<EventAttendance> events = new ArrayList<>();
        for (JsonFields event : json.objects("events")) {
            Integer prospects = event.integer("broughtProspects", 0, MAX_COUNT);
            events.add(new EventAttendance(event.text("eventId", false, Limits.ID), event.date("date", true),
                    event.bool("attended"), prospects == null ? 0 : prospects));
        }
        List<Referral> referrals = new ArrayList<>();
        for (JsonFields referral : json.objects("referrals")) {
            referrals.add(new Referral(referral.date("date", true), referral.text("referredName", false, Limits.NAME),
                    referral.bool("closed")));
        }
        List<Survey> surveys = new ArrayList<>();
        for (JsonFields survey : json.objects("surveys")) {
            surveys.add(new Survey(survey.date("date", true), survey.integer("satisfaction", 1, 5),
                    survey.integer("repurchaseIntent", 0, 100), survey.enumValue("recommend", Recommend.class, false)));
        }
        List<Contact> contacts = new ArrayList<>();
        for (JsonFields contact : json.objects("contacts")) {
            contacts.add(new Contact(contact.date("date", true), contact.enumValue("kind", FollowUpKind.class, true),
                    contact.enumValue("outcome", ContactOutcome.class, true),
                    contact.enumValue("churnReason", ChurnReason.class, false)));
        }
        return new CustomerFacts(customer, vehicles, visits, leads, complaints, events, referrals, surveys, contacts);
    }

    /** A complaint's date that cannot come before the complaint was made. */
    private static void notBefore(JsonFields json, String field, LocalDate date, LocalDate made) {
        String problem = Complaint.dateProblem(date, made);
        if (problem != null) {
            json.problem(field, problem);
        }
    }

    private static String vin(JsonFields vehicle) {
        String vin = vehicle.text("vin", true, Limits.ID);
        if (vin != null && vin.length() != VIN_LENGTH) {
            vehicle.problem("vin", "must be " + VIN_LENGTH + " characters (got '" + vin + "', " + vin.length() + ")");
        }
        return vin;
    }

    /** Records {@code value} as seen at this path, or a problem naming where it was first seen. */
    private static void unique(JsonFields json, String field, String value, Map<String, String> seen, String what) {
        if (value == null) {
            return;
        }
        String first = seen.putIfAbsent(value, json.path(field));
        if (first != null) {
            json.problem(field, "duplicate " + what + " '" + value + "' (also at " + first + ")");
        }
    }
}
