package jipan.api;

import jipan.core.Labels;
import jipan.core.Lang;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of a classification run's call list: the follow-ups the rules decided, with who to call and why,
 * by due date and priority. {@code state} is which tasks it lists: {@code open} (no outcome yet), {@code handled} or
 * {@code all}; {@code total} counts every line the filters let through.
 */
public record CallList(long runId, LocalDate asOf, String state, long total, int page, int size, List<Item> items,
                       ObservedFrom observedFrom) {

    /**
     * The backtest the lines' {@code observedReturnRate} come from (docs/domain.md §6.2): its id, date and horizon;
     * null when no backtest was run.
     */
    public record ObservedFrom(long backtestId, LocalDate asOf, int horizonMonths, String rulesetVersion) {
    }

    /**
     * One follow-up: the customer (name, phone), what about (a VIN's model), when, who (the role, and the person
     * of it when the records name one), on what basis, why, the run's view, the outcome recorded for the task
     * (null while it is open) with what the call learnt, and the share of customers like this one who came back in
     * the latest backtest ({@code observedReturnRate}, null without one).
     */
    public record Item(String customerId, String name, String phone, String kind, String subject, String model,
                       int priority, LocalDate due, String assignee, String person, String basis, String reason,
                       LocalDate lastVisit, String tier, String churnStatus, String baseGrade, String outcome,
                       String churnReason, Integer satisfaction, String note, String handledBy, Instant handledAt,
                       BigDecimal observedReturnRate) {
        /**
         * The line as a download in a language shows it: the task kind, who, tier, churn status, grade and outcome by
         * their labels (挽留回访, 服务顾问, C 类, 流失预警 …); the JSON answer keeps the values.
         */
        public Item labelled(Lang lang) {
            return new Item(customerId, name, phone, Labels.label(kind, lang), subject, model, priority, due,
                    Labels.label(assignee, lang), person, basis, reason, lastVisit, Labels.label(tier, lang),
                    Labels.label(churnStatus, lang), Labels.label(baseGrade, lang), Labels.label(outcome, lang),
                    Labels.label(churnReason, lang), satisfaction, note, handledBy, handledAt, observedReturnRate);
        }
    }
}
