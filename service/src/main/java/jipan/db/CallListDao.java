package jipan.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The call lists: the follow-ups a classification run stored, with who to call, and the outcomes people recorded
 * (docs/domain.md §3.8). An outcome belongs to a task's customer, kind, subject and basis, not to one run.
 */
public interface CallListDao {

    /** The filter of {@link #TASKS}, on the follow-ups {@code p}. */
    String TASK_FILTER = """
                  WHERE p.run_id = :run AND p.held_out = FALSE AND (:kind = '' OR p.kind = :kind)
                    AND p.customer_id <inStores>
                    AND (:assignee = '' OR p.assignee = :assignee)
                    AND (:person = '' OR p.person = :person)
                    AND (p.due IS NULL OR p.due <= :dueBy)
                    AND (:state = 'all' OR (:state = 'open' AND o.outcome IS NULL)
                         OR (:state = 'handled' AND o.outcome IS NOT NULL))
            """;

    /**
     * The follow-ups {@code p} of run {@code :run} the call list shows (not held out) with their outcomes {@code o},
     * filtered by {@code :kind}, {@code :assignee}, {@code :person} ('' for any), {@code :dueBy} and {@code :state} (open, handled, all): one
     * filter for a list's page and its count.
     */
    String TASKS = """
                  FROM follow_up p
                  LEFT JOIN follow_up_outcome o ON o.customer_id = p.customer_id AND o.kind = p.kind
                       AND o.subject = p.subject AND o.basis = p.basis
            """ + TASK_FILTER;

    /**
     * A line of a call list: the follow-up, the customer, the vehicle, the run's view, any outcome, and the observed
     * return rate of the customer's tier and churn state in backtest {@code :backtest} (null without one).
     */
    record CallListRow(String customerId, String name, String phone, String kind, String subject, String model,
                       int priority, LocalDate due, String assignee, String person, String basis, String reason,
                       LocalDate lastVisit, String tier, String churn, String baseGrade, String outcome,
                       String churnReason, Integer satisfaction, String note, String handledBy, Instant handledAt,
                       BigDecimal observedReturnRate) {
    }

    /** What a page's lines show, joined to the page's follow-ups {@code f} once the page is cut. */
    String LINE = """
            SELECT f.customer_id, c.name, c.phone, f.kind, f.subject, v.model, f.priority, f.due, f.assignee, f.person,
                   f.basis, f.reason,
                   (SELECT MAX(visit_date) FROM visit x WHERE x.customer_id = f.customer_id AND x.visit_date <= run.as_of)
                       AS last_visit,
                   r.tier, r.churn, r.base_grade, f.outcome, f.churn_reason, f.satisfaction, f.note, f.handled_by,
                   f.handled_at, bc.share AS observed_return_rate
            """;

    /** The tables a page's lines are joined to. */
    String JOINS = """
            JOIN classification_run run ON run.id = f.run_id
            JOIN customer c ON c.id = f.customer_id
            JOIN classification_result r ON r.run_id = f.run_id AND r.customer_id = f.customer_id
            LEFT JOIN vehicle v ON v.store = c.store AND v.vin = f.subject
            LEFT JOIN backtest_cell bc ON bc.backtest_id = :backtest AND bc.tier = COALESCE(r.tier, 'NONE')
                 AND bc.churn = COALESCE(r.churn, 'NONE')
            """;

    /**
     * One page of a run's call list, by due date, priority, customer: each follow-up with the customer's name and
     * phone, the vehicle it is about (when its subject is a VIN), the last visit and the run's tier, churn and
     * grade, the outcome recorded for the same task, and the observed return rate of backtest {@code backtest}
     * (-1: none). {@code kind} and {@code assignee} '' mean any; {@code dueBy}
     * is the latest due date listed; {@code state} is {@code open} (no outcome), {@code handled} or {@code all}.
     * A task without a due date comes last, as in the classify answer, on H2 and PostgreSQL alike (their default
     * orders of NULL differ). The page is cut from the follow-ups alone before anything is joined to it: the names, the run's result and
     * the last visit are looked up for the page's lines only.
     */
    @SqlQuery(LINE + """
            FROM (SELECT p.*, o.outcome, o.churn_reason, o.satisfaction, o.note, o.handled_by, o.handled_at
            """ + TASKS + """
                  ORDER BY p.due NULLS LAST, p.priority, p.customer_id, p.kind, p.subject
                  LIMIT :limit OFFSET :offset) f
            """ + JOINS + """
            ORDER BY f.due NULLS LAST, f.priority, f.customer_id, f.kind, f.subject
            """)
    @RegisterConstructorMapper(CallListRow.class)
    List<CallListRow> page(@Bind("run") long run, @Bind("kind") String kind, @Bind("assignee") String assignee,
                           @Bind("person") String person, @Bind("dueBy") LocalDate dueBy, @Bind("state") String state,
                           @Bind("backtest") long backtest, @Bind("limit") int limit, @Bind("offset") long offset);

    /**
     * The same page ordered by the observed return rate of the customer's tier and churn state, lowest first (the
     * customers least likely to come back on their own), then as {@link #page}; lines without a rate come last.
     */
    @SqlQuery(LINE + """
            FROM (SELECT p.*, o.outcome, o.churn_reason, o.satisfaction, o.note, o.handled_by, o.handled_at,
                         oc.share AS observed
                  FROM follow_up p
                  LEFT JOIN follow_up_outcome o ON o.customer_id = p.customer_id AND o.kind = p.kind
                       AND o.subject = p.subject AND o.basis = p.basis
                  JOIN classification_result orr ON orr.run_id = p.run_id AND orr.customer_id = p.customer_id
                  LEFT JOIN backtest_cell oc ON oc.backtest_id = :backtest AND oc.tier = COALESCE(orr.tier, 'NONE')
                       AND oc.churn = COALESCE(orr.churn, 'NONE')
            """ + TASK_FILTER + """
                  ORDER BY observed NULLS LAST, p.due NULLS LAST, p.priority, p.customer_id, p.kind, p.subject
                  LIMIT :limit OFFSET :offset) f
            """ + JOINS + """
            ORDER BY f.observed NULLS LAST, f.due NULLS LAST, f.priority, f.customer_id, f.kind, f.subject
            """)
    @RegisterConstructorMapper(CallListRow.class)
    List<CallListRow> pageByObserved(@Bind("run") long run, @Bind("kind") String kind,
                                     @Bind("assignee") String assignee, @Bind("person") String person,
                                     @Bind("dueBy") LocalDate dueBy, @Bind("state") String state,
                                     @Bind("backtest") long backtest, @Bind("limit") int limit,
                                     @Bind("offset") long offset);

    @SqlQuery("""
            SELECT COUNT(*)
            """ + TASKS)
    long size(@Bind("run") long run, @Bind("kind") String kind, @Bind("assignee") String assignee,
              @Bind("person") String person, @Bind("dueBy") LocalDate dueBy, @Bind("state") String state);

    /** What an outcome is recorded against: a run's task, its basis and the person it went to. */
    record TaskRow(String basis, String person) {
    }

    /** The basis and person of a run's task, or empty when the run has no such task. */
    @SqlQuery("""
            SELECT basis, person FROM follow_up
            WHERE run_id = :run AND customer_id = :customerId AND kind = :kind AND subject = :subject
              AND customer_id <inStores>
              AND held_out = FALSE
            """)
    @RegisterConstructorMapper(TaskRow.class)
    Optional<TaskRow> taskOf(@Bind("run") long run, @Bind("customerId") String customerId, @Bind("kind") String kind,
                             @Bind("subject") String subject);

    /** An outcome of a task; {@code surveySeq} is the survey row its satisfaction was kept as, if any. */
    record OutcomeRow(String customerId, String kind, String subject, String basis, String outcome, String note,
                      String handledBy, Instant handledAt, long runId, String person, String churnReason,
                      Integer satisfaction, Integer surveySeq) {
        /** The same outcome, its satisfaction kept as survey row {@code seq}. */
        public OutcomeRow withSurvey(Integer seq) {
            return new OutcomeRow(customerId, kind, subject, basis, outcome, note, handledBy, handledAt, runId, person,
                    churnReason, satisfaction, seq);
        }
    }

    /** The survey row the outcome now recorded for this task kept its satisfaction as, if any. */
    @SqlQuery("""
            SELECT survey_seq FROM follow_up_outcome
            WHERE customer_id = :customerId AND kind = :kind AND subject = :subject AND basis = :basis
              AND survey_seq IS NOT NULL
            """)
    Optional<Integer> surveyOf(@BindMethods OutcomeRow outcome);

    @SqlUpdate("DELETE FROM survey WHERE customer_id = :customerId AND seq = :seq")
    void deleteSurvey(@Bind("customerId") String customerId, @Bind("seq") int seq);

    @SqlQuery("SELECT COALESCE(MAX(seq), -1) + 1 FROM survey WHERE customer_id = :customerId")
    int nextSurveySeq(@Bind("customerId") String customerId);

    /** The satisfaction a call recorded, kept as the customer's survey of that day (it feeds the loyalty score). */
    @SqlUpdate("""
            INSERT INTO survey (customer_id, seq, survey_date, satisfaction)
            VALUES (:customerId, :seq, :date, :satisfaction)
            """)
    void insertSurvey(@Bind("customerId") String customerId, @Bind("seq") int seq, @Bind("date") LocalDate date,
                      @Bind("satisfaction") int satisfaction);

    @SqlUpdate("""
            DELETE FROM follow_up_outcome
            WHERE customer_id = :customerId AND kind = :kind AND subject = :subject AND basis = :basis
            """)
    void deleteOutcome(@BindMethods OutcomeRow outcome);

    @SqlUpdate("""
            INSERT INTO follow_up_outcome (customer_id, kind, subject, basis, outcome, note, handled_by, handled_at,
                                           run_id, person, churn_reason, satisfaction, survey_seq)
            VALUES (:customerId, :kind, :subject, :basis, :outcome, :note, :handledBy, :handledAt, :runId, :person,
                    :churnReason, :satisfaction, :surveySeq)
            """)
    void insertOutcome(@BindMethods OutcomeRow outcome);

    /** A customer of a tier migration cell, with the later run's stored result (for the tier's reason). */
    record MovedRow(String customerId, String name, String phone, String vin, String model, LocalDate lastVisit,
                    String fromTier, String tier, String churn, String baseGrade, String resultJson) {
    }

    /**
     * One page of the customers in tier {@code fromTier} ({@code NONE}: no tier) in run {@code from} and in
     * {@code toTier} in run {@code to}, by customer id: name, phone, the vehicle of the latest visit up to the later
     * run's date (or the customer's first VIN), that visit, and the later run's result. The page is cut from the
     * two runs' tiers alone (an index holds them) before anything else is read.
     */
    @SqlQuery("""
            SELECT c.id AS customer_id, c.name, c.phone, v.vin, v.model,
                   (SELECT MAX(x.visit_date) FROM visit x WHERE x.customer_id = c.id AND x.visit_date <= b.as_of)
                       AS last_visit,
                   m.from_tier, b.tier, b.churn, b.base_grade, b.result_json
            FROM (SELECT a.customer_id, COALESCE(a.tier, 'NONE') AS from_tier
                  FROM classification_result a
                  JOIN classification_result t ON t.customer_id = a.customer_id AND t.run_id = :to
                  WHERE a.run_id = :from AND COALESCE(a.tier, 'NONE') = :fromTier
                    AND COALESCE(t.tier, 'NONE') = :toTier AND a.customer_id <inStores>
                  ORDER BY a.customer_id
                  LIMIT :limit OFFSET :offset) m
            JOIN classification_result b ON b.customer_id = m.customer_id AND b.run_id = :to
            JOIN customer c ON c.id = m.customer_id
            LEFT JOIN vehicle v ON v.store = c.store AND v.vin = COALESCE(
                 (SELECT x.vin FROM visit x WHERE x.customer_id = c.id AND x.visit_date <= b.as_of
                  ORDER BY x.visit_date DESC, x.ro_number DESC LIMIT 1),
                 (SELECT MIN(y.vin) FROM vehicle y WHERE y.customer_id = c.id))
            ORDER BY m.customer_id
            """)
    @RegisterConstructorMapper(MovedRow.class)
    List<MovedRow> moved(@Bind("from") long from, @Bind("to") long to, @Bind("fromTier") String fromTier,
                         @Bind("toTier") String toTier, @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("""
            SELECT COUNT(*) FROM classification_result a
            JOIN classification_result b ON b.customer_id = a.customer_id AND b.run_id = :to
            WHERE a.run_id = :from AND COALESCE(a.tier, 'NONE') = :fromTier AND COALESCE(b.tier, 'NONE') = :toTier
              AND a.customer_id <inStores>
            """)
    long movedCount(@Bind("from") long from, @Bind("to") long to, @Bind("fromTier") String fromTier,
                    @Bind("toTier") String toTier);
}
