package jipan.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of a classification run's call list: the follow-ups the rules decided, with who to call and why,
 * by due date and priority. {@code total} counts every line the filters let through.
 */
public record CallList(long runId, LocalDate asOf, long total, int page, int size, List<Item> items) {

    /** One follow-up: the customer (name, phone), what about (a VIN's model), when, who, why, and the run's view. */
    public record Item(String customerId, String name, String phone, String kind, String subject, String model,
                       int priority, LocalDate due, String assignee, String reason, LocalDate lastVisit, String tier,
                       String churnStatus, String baseGrade) {
    }
}
