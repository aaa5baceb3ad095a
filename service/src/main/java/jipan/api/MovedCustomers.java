package jipan.api;

import jipan.core.Labels;
import jipan.core.Lang;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of the customers of one cell of a tier migration: in tier {@code fromTier} in run {@code fromRun} and in
 * {@code toTier} in run {@code toRun}, with the columns of a call list — who they are, how to reach them, their
 * vehicle, last visit, the later run's tier, churn status and grade, and the sentence that gave the tier.
 */
public record MovedCustomers(long fromRun, long toRun, String fromTier, String toTier, long total, int page, int size,
                             List<Line> items) {

    /** One customer of the cell; the vehicle is the one of the latest visit (or the customer's first VIN). */
    public record Line(String customerId, String name, String phone, String vin, String model, LocalDate lastVisit,
                       String fromTier, String tier, String churnStatus, String baseGrade, String reason) {
        /** The line as a download in a language shows it: tiers, churn status and grade by their labels. */
        public Line labelled(Lang lang) {
            return new Line(customerId, name, phone, vin, model, lastVisit, Labels.label(fromTier, lang),
                    Labels.label(tier, lang), Labels.label(churnStatus, lang), Labels.label(baseGrade, lang), reason);
        }
    }
}
