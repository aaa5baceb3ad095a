package jipan.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jipan.core.CustomerFacts;
import jipan.core.facts.Complaint;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Lead;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;

/**
 * Writes customers as the DMS exports {@code import} reads, one file per import kind ({@code customers.csv} …
 * {@code referrals.csv}), with the English default headers.
 */
public final class DemoFiles implements Closeable {
    private final BufferedWriter customers;
    private final BufferedWriter vehicles;
    private final BufferedWriter repairOrders;
    private final BufferedWriter leads;
    private final BufferedWriter complaints;
    private final BufferedWriter surveys;
    private final BufferedWriter events;
    private final BufferedWriter referrals;

    public DemoFiles(Path directory) throws IOException {
        Files.createDirectories(directory);
        customers = open(directory.resolve("customers.csv"), "id,name,phone,region,industry,birthYear,kind,leadsPassedFirst,negativePublicity");
        vehicles = open(directory.resolve("vehicles.csv"),
                "vin,customerId,model,purchaseDate,warrantyEnd,boughtHere,installment");
        repairOrders = open(directory.resolve("repair-orders.csv"),
                "roNumber,vin,date,mileage,payType,serviceType,amount,advisor");
        leads = open(directory.resolve("leads.csv"), "leadId,customerId,model,createdOn,closedOn,status,defeatReason,"
                + "competitorBrand,competitorModel,followUps,lastFollowUp,consultant");
        complaints = open(directory.resolve("complaints.csv"), "customerId,date,subject,resolved,answeredOn,resolvedOn");
        surveys = open(directory.resolve("surveys.csv"), "customerId,date,satisfaction,repurchaseIntent,recommend");
        events = open(directory.resolve("events.csv"), "customerId,eventId,date,attended,broughtProspects");
        referrals = open(directory.resolve("referrals.csv"), "customerId,date,referredName,closed");
    }

    private static BufferedWriter open(Path file, String header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write(header);
        writer.newLine();
        return writer;
    }

    public void write(CustomerFacts facts) throws IOException {
        Customer c = facts.customer();
        line(customers, c.getId(), c.getName(), c.getPhone(), c.getRegion(), c.getIndustry(), c.getBirthYear(), c.getKind(),
                c.isLeadsPassedFirst(), c.isNegativePublicity());
        for (Vehicle v : facts.vehicles()) {
            line(vehicles, v.getVin(), c.getId(), v.getModel(), v.getPurchaseDate(), v.getWarrantyEnd(), v.isBoughtHere(),
                    v.isInstallment());
        }
        for (Visit v : facts.visits()) {
            line(repairOrders, v.getRoNumber(), v.getVin(), v.getDate(), v.getMileage(), v.getPayType(),
                    v.getServiceType(), v.getAmount(), v.getAdvisor());
        }
        for (Lead l : facts.leads()) {
            line(leads, l.getLeadId(), c.getId(), l.getModel(), l.getCreatedOn(), l.getClosedOn(), l.getStatus(),
                    l.getDefeatReason(), l.getCompetitorBrand(), l.getCompetitorModel(), l.getFollowUps(),
                    l.getLastFollowUp(), l.getConsultant());
        }
        for (Complaint x : facts.complaints()) {
            line(complaints, c.getId(), x.getDate(), x.getSubject(), x.isResolved(), x.getAnsweredOn(), x.getResolvedOn());
        }
        for (Survey x : facts.surveys()) {
            line(surveys, c.getId(), x.getDate(), x.getSatisfaction(), x.getRepurchaseIntent(), x.getRecommend());
        }
        for (EventAttendance x : facts.events()) {
            line(events, c.getId(), x.getEventId(), x.getDate(), x.isAttended(), x.getBroughtProspects());
        }
        for (Referral x : facts.referrals()) {
            line(referrals, c.getId(), x.getDate(), x.getReferredName(), x.isClosed());
        }
    }

    private static void line(BufferedWriter writer, Object... cells) throws IOException {
        writer.write(Stream.of(cells).map(cell -> cell == null ? "" : quoted(Objects.toString(cell)))
                .collect(Collectors.joining(",")));
        writer.newLine();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter writer : new BufferedWriter[] {customers, vehicles, repairOrders, leads, complaints, surveys, events,
                referrals}) {
            writer.close();
        }
    }
}
