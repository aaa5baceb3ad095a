package jipan.imports;

import java.time.LocalDate;
import jipan.core.Limits;
import jipan.core.facts.Complaint;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.imports.DmsImporter.Columns;
import jipan.imports.CsvValues.BadValue;

/** Reads one CSV row of a kind into its fact, or rejects it naming the first column that is wrong. */
final class RowParser {
    private static final int VIN_LENGTH = 17;

    private RowParser() {
    }

    /** The row's problem: the column (as headed in the file) and the reason. */
    static final class RowRejected extends Exception {
        final String column;

        RowRejected(String column, String reason) {
            super(reason);
            this.column = column;
        }
    }

    /** Reads field values, turning a bad value into a rejection of the row that names the column. */
    private record Row(Columns columns, String[] cells) {
        String text(String field) {
            return columns.value(field, cells);
        }

        /** Text no longer than the store's column for it. */
        String text(String field, int max) throws RowRejected {
            String value = text(field);
            String tooLong = Limits.lengthProblem(value, max);
            if (tooLong != null) {
                throw new RowRejected(columns.headerOf(field), tooLong);
            }
            return value;
        }

        String required(String field) throws RowRejected {
            String value = text(field, Limits.ID);
            if (value == null) {
                throw new RowRejected(columns.headerOf(field), "is empty");
            }
            return value;
        }

        String vin() throws RowRejected {
            String vin = required("vin");
            if (vin.length() != VIN_LENGTH) {
                throw new RowRejected(columns.headerOf("vin"), "a VIN has " + VIN_LENGTH + " characters: '" + vin + "'");
            }
            return vin;
        }

        <T> T value(String field, Reading<T> reading) throws RowRejected {
            try {
                return reading.read(text(field));
            } catch (BadValue e) {
                throw new RowRejected(columns.headerOf(field), e.getMessage());
            }
        }

        /** A yes/no the file may leave out: null when it has no such column (the stored value stays). */
        Boolean flag(String field) throws RowRejected {
            return columns.has(field) ? value(field, CsvValues::bool) : null;
        }

        /** A number that must lie in [min, max] when given. */
        void within(String field, Integer value, int min, int max) throws RowRejected {
            if (value != null && (value < min || value > max)) {
                throw new RowRejected(columns.headerOf(field), "must be " + min + " to " + max + " (got " + value + ")");
            }
        }

        <T> T requiredValue(String field, Reading<T> reading) throws RowRejected {
            required(field);
            return value(field, reading);
        }

        /** A complaint's date that cannot come before the complaint was made. */
        void notBefore(String field, LocalDate date, LocalDate made) throws RowRejected {
            String problem = Complaint.dateProblem(date, made);
            if (problem != null) {
                throw new RowRejected(columns.headerOf(field), problem);
            }
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(String text) throws BadValue;
    }

    static Object parse(ImportKind kind, Columns columns, String[] cells, CsvValues values) throws RowRejected {
        Row row = new Row(columns, cells);
        return switch (kind) {
            case CUSTOMERS -> new DmsImporter.ImportedCustomer(new Customer(row.required("id"), row.text("name", Limits.NAME),
                    row.text("phone", Limits.PHONE), row.text("region", Limits.REGION),
                    row.text("industry", Limits.INDUSTRY), row.value("birthYear", CsvValues::integer),
                    row.value("kind", values::kind), false, false),
                    row.flag("leadsPassedFirst"), row.flag("negativePublicity"));
            case VEHICLES -> new DmsImporter.OwnedVehicle(row.required("customerId"), new Vehicle(row.vin(),
                    row.text("model", Limits.MODEL), row.value("purchaseDate", CsvValues::date), row.value("warrantyEnd", CsvValues::date),
                    row.value("boughtHere", CsvValues::bool), row.value("installment", CsvValues::bool)));
            case REPAIR_ORDERS -> new Visit(row.required("roNumber"), row.vin(),
                    row.requiredValue("date", CsvValues::date), row.value("mileage", CsvValues::integer),
                    row.requiredValue("payType", values::payType), row.value("serviceType", values::serviceType),
                    row.value("amount", CsvValues::amount), row.text("advisor", Limits.NAME));
            case LEADS -> {
                Integer followUps = row.value("followUps", CsvValues::integer);
                yield new DmsImporter.OwnedLead(row.required("customerId"), new Lead(row.required("leadId"),
                        row.text("model", Limits.MODEL), row.requiredValue("createdOn", CsvValues::date),
                        row.value("closedOn", CsvValues::date), row.requiredValue("status", values::leadStatus),
                        row.value("defeatReason", values::defeatReason), row.text("competitorBrand", Limits.BRAND),
                        row.text("competitorModel", Limits.MODEL), followUps == null ? 0 : followUps,
                        row.value("lastFollowUp", CsvValues::date), row.text("consultant", Limits.NAME)));
            }
            case COMPLAINTS -> {
                LocalDate made = row.requiredValue("date", CsvValues::date);
                LocalDate answered = row.value("answeredOn", CsvValues::date);
                LocalDate resolved = row.value("resolvedOn", CsvValues::date);
                row.notBefore("answeredOn", answered, made);
                row.notBefore("resolvedOn", resolved, made);
                yield new DmsImporter.OwnedComplaint(row.required("customerId"), new Complaint(made,
                        row.requiredValue("subject", values::complaintSubject), row.value("resolved", CsvValues::bool),
                        answered, resolved));
            }
            case SURVEYS -> {
                Integer satisfaction = row.value("satisfaction", CsvValues::integer);
                row.within("satisfaction", satisfaction, Limits.SATISFACTION_MIN, Limits.SATISFACTION_MAX);
                Integer intent = row.value("repurchaseIntent", CsvValues::percent);
                yield new DmsImporter.OwnedSurvey(row.required("customerId"), new Survey(
                        row.requiredValue("date", CsvValues::date), satisfaction, intent,
                        row.value("recommend", values::recommend)));
            }
            case EVENTS -> {
                Integer brought = row.value("broughtProspects", CsvValues::integer);
                yield new DmsImporter.OwnedEvent(row.required("customerId"), new EventAttendance(
                        row.text("eventId", Limits.ID), row.requiredValue("date", CsvValues::date),
                        row.value("attended", CsvValues::bool), brought == null ? 0 : brought));
            }
            case REFERRALS -> new DmsImporter.OwnedReferral(row.required("customerId"), new Referral(
                    row.requiredValue("date", CsvValues::date), row.text("referredName", Limits.NAME),
                    row.value("closed", CsvValues::bool)));
        };
    }
}
