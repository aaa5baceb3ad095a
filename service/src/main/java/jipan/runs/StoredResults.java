package jipan.runs;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jipan.api.CustomerResult;
import jipan.core.Classification;
import jipan.core.CompiledRules;
import jipan.core.FollowUpResult;
import jipan.core.LeadResult;
import jipan.core.LoyaltyResult;
import jipan.core.Reason;
import jipan.core.VehicleResult;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.Churn;
import jipan.core.facts.Tier;
import jipan.db.ClassificationRunDao.RunRuleRow;

/**
 * How a classification run stores each customer's answer ({@code classification_result.result_json}) and how it
 * is read back. Since format 2 a stored answer has the fields the API gives, except that each reason is
 * {@code [rule number, sentence]}: the rule's name and topic are stored once per run
 * ({@code classification_run_rule}), not in every result — 2.0 KB of JSON a customer instead of 3.2 KB, and less
 * for the run to write. Answers stored before (the API's JSON, reasons as objects) are read as they are.
 */
public final class StoredResults {
    static final int FORMAT = 2;
    private static final String FORMAT_2 = "{\"format\":2,";

    private StoredResults() {
    }

    /** A stored answer, format 2. */
    @JsonPropertyOrder({"format", "customerId", "tier", "customerPayVisits12m", "lastVisit", "churn", "loyalty",
            "baseGrade", "vehicles", "leads", "followUps", "reasons"})
    record Compact(int format, String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                   Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                   List<LeadResult> leads, List<FollowUpResult> followUps, List<Said> reasons) {
    }

    /** A reason as stored: the number of the rule (in its run) and the sentence it gave. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"rule", "message"})
    record Said(int rule, String message) {
    }

    /**
     * The rules of one run, numbered as its stored answers refer to them. A rule gets its number when an answer
     * first names it; the page that first uses a number stores it ({@link #takeUnsaved}) in the same transaction.
     * Safe for the threads that classify a page at once.
     */
    static final class RunRules {
        private final long runId;
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
        private final List<RunRuleRow> rules = new ArrayList<>();
        private int saved;

        private RunRules(long runId) {
            this.runId = runId;
        }

        /** The rules a run has stored (none for a new run): a resumed run keeps their numbers. */
        static RunRules of(long runId, List<RunRuleRow> stored) {
            RunRules rules = new RunRules(runId);
            for (RunRuleRow row : stored) {
                if (row.ruleNo() != rules.rules.size()) {
                    throw new IllegalStateException("run " + runId + " stored rule number " + row.ruleNo() + " after "
                            + rules.rules.size() + " rules: its stored rules are not numbered from 0 without gaps");
                }
                rules.rules.add(row);
                rules.numbers.put(row.rule(), row.ruleNo());
            }
            rules.saved = rules.rules.size();
            return rules;
        }

        /** Numbers every rule of the rule set up front, by name: a run's numbers then do not depend on threads. */
        RunRules numbering(CompiledRules compiled) {
            compiled.ruleNames().forEach(rule -> number(rule, compiled.topicOf(rule))); // a sorted set
            return this;
        }

        int number(String rule, String topic) {
            Integer number = numbers.get(rule);
            if (number != null) {
                return number;
            }
            synchronized (this) {
                return numbers.computeIfAbsent(rule, name -> {
                    rules.add(new RunRuleRow(runId, rules.size(), name, topic));
                    return rules.size() - 1;
                });
            }
        }

        /** The rules numbered since the last call: the writer stores them with the page that uses them. */
        synchronized List<RunRuleRow> takeUnsaved() {
            List<RunRuleRow> unsaved = List.copyOf(rules.subList(saved, rules.size()));
            saved = rules.size();
            return unsaved;
        }
    }

    /** The answer as stored, format 2. */
    static String write(ObjectMapper json, Classification result, RunRules rules) {
        List<Said> reasons = new ArrayList<>(result.reasons().size());
        for (Reason reason : result.reasons()) {
            reasons.add(new Said(rules.number(reason.rule(), reason.topic()), reason.message()));
        }
        try {
            return json.writeValueAsString(new Compact(FORMAT, result.customerId(), result.tier(),
                    result.customerPayVisits12m(), result.lastVisit(), result.churn(), result.loyalty(),
                    result.baseGrade(), result.vehicles(), result.leads(), result.followUps(), reasons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of customer " + result.customerId(), e);
        }
    }

    /**
     * A stored answer as the API gives it: format 2 with the rules of the run that stored it, or an answer
     * stored before format 2 as it is.
     */
    public static CustomerResult read(ObjectMapper json, String stored, List<RunRuleRow> runRules) {
        try {
            if (!stored.startsWith(FORMAT_2)) {
                return json.readValue(stored, CustomerResult.class);
            }
            Compact compact = json.readValue(stored, Compact.class);
            List<Reason> reasons = new ArrayList<>(compact.reasons().size());
            for (Said said : compact.reasons()) {
                if (said.rule() < 0 || said.rule() >= runRules.size()) {
                    throw new IllegalStateException("the stored result of customer " + compact.customerId()
                            + " names rule number " + said.rule() + ", but its run stored " + runRules.size() + " rules");
                }
                RunRuleRow rule = runRules.get(said.rule());
                reasons.add(new Reason(rule.rule(), said.message(), rule.topic()));
            }
            return new CustomerResult(compact.customerId(), compact.tier(), compact.customerPayVisits12m(),
                    compact.lastVisit(), compact.churn(), compact.loyalty(), compact.baseGrade(), compact.vehicles(),
                    compact.leads(), compact.followUps(), List.copyOf(reasons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored classification result is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
