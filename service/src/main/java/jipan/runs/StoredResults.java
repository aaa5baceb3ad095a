package jipan.runs;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import jipan.core.FollowUpText;
import jipan.core.Lang;
import jipan.core.ReasonText;
import jipan.core.RuleTexts;
import jipan.core.Sentence;
import jipan.core.LeadResult;
import jipan.core.LoyaltyResult;
import jipan.core.Reason;
import jipan.core.VehicleResult;
import jipan.core.facts.Assignee;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.Churn;
import jipan.core.facts.Tier;
import jipan.db.ClassificationRunDao.RunRuleRow;

/**
 * How a classification run stores each customer's answer ({@code classification_result.result_json}) and how it
 * is read back, in the language a reader asks for. Since format 3 (issue 26) an answer is stored once in a
 * language-neutral form: each reason is {@code [rule number, null, [values]]} — which rule, with which values —
 * and each follow-up names its rule and values the same way; the rules' names, topics and their sentences in
 * Chinese and English are stored once per run ({@code classification_run_rule}). Reading puts the sentences
 * together in {@code zh} or {@code en}. Format 2 (reasons {@code [rule number, English sentence]}) and the answers
 * stored before it (the API's JSON) are read as they are: their sentences exist in English only.
 */
public final class StoredResults {
    static final int FORMAT = 3;
    private static final String FORMAT_2 = "{\"format\":2,";
    private static final String FORMAT_3 = "{\"format\":3,";

    private StoredResults() {
    }

    /** A stored answer, format 3: language-neutral. */
    @JsonPropertyOrder({"format", "customerId", "tier", "customerPayVisits12m", "lastVisit", "churn", "loyalty",
            "baseGrade", "vehicles", "leads", "followUps", "reasons"})
    record Neutral(int format, String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                   Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                   List<Lead> leads, List<Task> followUps, List<Told> reasons) {
    }

    /** A lead as format 3 stores it: the rule that categorised it by its number in the run. */
    @JsonPropertyOrder({"leadId", "category", "action", "flags", "rule"})
    record Lead(String leadId, String category, String action, List<String> flags, Integer rule) {
    }

    /** A follow-up as format 3 stores it: the task, and why as the number of its rule with the values. */
    @JsonPropertyOrder({"kind", "subject", "priority", "due", "assignee", "person", "basis", "why"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Task(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee, String person,
                String basis, Told why) {
    }

    /** A reason as format 3 stores it: the number of the rule (in its run), a sentence written out or the values. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"rule", "text", "args"})
    record Told(int rule, String text, List<String> args) {
        static Told of(int rule, Sentence said) {
            return new Told(rule, said.text(), said.text() == null ? said.args() : null);
        }

        Sentence said() {
            return new Sentence(text, args);
        }
    }

    /** A stored answer, format 2: sentences in English. */
    @JsonPropertyOrder({"format", "customerId", "tier", "customerPayVisits12m", "lastVisit", "churn", "loyalty",
            "baseGrade", "vehicles", "leads", "followUps", "reasons"})
    record Compact(int format, String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                   Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                   List<LeadResult> leads, List<FollowUpText> followUps, List<Said> reasons) {
    }

    /** A reason as format 2 stored it: the number of the rule (in its run) and the sentence it gave. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"rule", "message"})
    record Said(int rule, String message) {
    }

    /**
     * The rules a run stored, read for reading its answers: the rows by number, and their texts. Made once per run
     * a reader reads ({@link #of}).
     */
    public static final class Rules {
        private final List<RunRuleRow> rows;
        private final RuleTexts texts;

        private Rules(List<RunRuleRow> rows) {
            this.rows = List.copyOf(rows);
            Map<String, RuleTexts.Texts> texts = new java.util.HashMap<>();
            for (RunRuleRow row : rows) {
                RuleTexts.Texts written = row.texts();
                if (!written.equals(RuleTexts.Texts.NONE)) {
                    texts.put(row.rule(), written);
                }
            }
            this.texts = RuleTexts.of(texts);
        }

        public static Rules of(List<RunRuleRow> rows) {
            return new Rules(rows);
        }

        public RuleTexts texts() {
            return texts;
        }

        RunRuleRow rule(int number, String customerId) {
            if (number < 0 || number >= rows.size()) {
                throw new IllegalStateException("the stored result of customer " + customerId + " names rule number "
                        + number + ", but its run stored " + rows.size() + " rules");
            }
            return rows.get(number);
        }
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

        /**
         * Numbers every rule of the rule set up front, by name, with its texts: a run's numbers then do not depend
         * on threads, and the run keeps what each rule says in Chinese and English.
         */
        RunRules numbering(CompiledRules compiled) {
            withTexts(compiled.texts());
            compiled.ruleNames().forEach(rule -> number(rule, compiled.topicOf(rule))); // a sorted set
            return this;
        }

        /** For results classified elsewhere: the rules' texts as the classifier had them (numbered as named). */
        RunRules withTexts(RuleTexts texts) {
            this.texts = texts == null ? RuleTexts.NONE : texts;
            return this;
        }

        private volatile RuleTexts texts = RuleTexts.NONE;

        int number(String rule, String topic) {
            Integer number = numbers.get(rule);
            if (number != null) {
                return number;
            }
            synchronized (this) {
                return numbers.computeIfAbsent(rule, name -> {
                    rules.add(RunRuleRow.of(runId, rules.size(), name, topic, texts.texts(name)));
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

    /** The answer as stored, format 3. */
    static String write(ObjectMapper json, Classification result, RunRules rules) {
        List<Told> reasons = new ArrayList<>(result.reasons().size());
        for (Reason reason : result.reasons()) {
            reasons.add(Told.of(rules.number(reason.rule(), reason.topic()), reason.said()));
        }
        try {
            List<Task> tasks = new ArrayList<>(result.followUps().size());
            for (FollowUpResult followUp : result.followUps()) {
                tasks.add(new Task(followUp.kind(), followUp.subject(), followUp.priority(), followUp.due(),
                        followUp.assignee(), followUp.person(), followUp.basis(), Told.of(rules.number(followUp.rule(), "followups"),
                        followUp.said())));
            }
            List<Lead> leads = new ArrayList<>(result.leads().size());
            for (LeadResult lead : result.leads()) {
                leads.add(new Lead(lead.leadId(), lead.category(), lead.action(), lead.flags(),
                        lead.rule() == null ? null : rules.number(lead.rule(), "defeat")));
            }
            return json.writeValueAsString(new Neutral(FORMAT, result.customerId(), result.tier(),
                    result.customerPayVisits12m(), result.lastVisit(), result.churn(), result.loyalty(),
                    result.baseGrade(), result.vehicles(), leads, tasks, reasons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of customer " + result.customerId(), e);
        }
    }

    /**
     * A stored answer as the API gives it, in a language: format 3 with the rules of the run that stored it; format
     * 2 and answers stored before it with their sentences as they were written (English).
     */
    public static CustomerResult read(ObjectMapper json, String stored, Rules runRules, Lang lang) {
        try {
            if (stored.startsWith(FORMAT_3)) {
                Neutral neutral = json.readValue(stored, Neutral.class);
                RuleTexts texts = runRules.texts();
                List<ReasonText> reasons = new ArrayList<>(neutral.reasons().size());
                for (Told told : neutral.reasons()) {
                    RunRuleRow rule = runRules.rule(told.rule(), neutral.customerId());
                    reasons.add(new ReasonText(rule.rule(), texts.name(rule.rule(), lang),
                            texts.render(rule.rule(), told.said(), lang), rule.topic()));
                }
                return new CustomerResult(neutral.customerId(), neutral.tier(), neutral.customerPayVisits12m(),
                        neutral.lastVisit(), neutral.churn(), neutral.loyalty(), neutral.baseGrade(),
                        neutral.vehicles(), neutral.leads().stream().map(lead -> new LeadResult(lead.leadId(),
                                lead.category(), lead.action(), lead.flags(), lead.rule() == null ? null
                                : runRules.rule(lead.rule(), neutral.customerId()).rule()).in(texts, lang)).toList(),
                        neutral.followUps().stream().map(task -> new FollowUpText(task.kind(), task.subject(),
                                task.priority(), task.due(), task.assignee(), task.person(), task.basis(), texts.render(
                                runRules.rule(task.why().rule(), neutral.customerId()).rule(), task.why().said(), lang)))
                                .toList(),
                        List.copyOf(reasons));
            }
            if (!stored.startsWith(FORMAT_2)) {
                CustomerResult before = json.readValue(stored, CustomerResult.class);
                return new CustomerResult(before.customerId(), before.tier(), before.customerPayVisits12m(),
                        before.lastVisit(), before.churn(), before.loyalty(), before.baseGrade(), before.vehicles(),
                        before.leads(), before.followUps(), before.reasons().stream().map(reason -> new ReasonText(
                        reason.rule(), runRules.texts().name(reason.rule(), lang), reason.message(), reason.topic()))
                        .toList());
            }
            Compact compact = json.readValue(stored, Compact.class);
            List<ReasonText> reasons = new ArrayList<>(compact.reasons().size());
            for (Said said : compact.reasons()) {
                RunRuleRow rule = runRules.rule(said.rule(), compact.customerId());
                reasons.add(new ReasonText(rule.rule(), runRules.texts().name(rule.rule(), lang), said.message(),
                        rule.topic()));
            }
            return new CustomerResult(compact.customerId(), compact.tier(), compact.customerPayVisits12m(),
                    compact.lastVisit(), compact.churn(), compact.loyalty(), compact.baseGrade(), compact.vehicles(),
                    compact.leads(), compact.followUps(), List.copyOf(reasons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored classification result is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** A follow-up's reason as a run's {@code follow_up} row keeps it: which rule said it, with which values. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"rule", "text", "args"})
    record ToldBy(String rule, String text, List<String> args) {
    }

    /**
     * A follow-up's reason as the run's {@code follow_up} row keeps it: {@code [rule, null, [values]]}, the same
     * language-neutral form as a stored answer's reasons (the rule by name: a task's row is read on its own).
     */
    static String followUpReason(ObjectMapper json, FollowUpResult followUp) {
        Sentence said = followUp.said();
        try {
            return json.writeValueAsString(new ToldBy(followUp.rule(), said.text(),
                    said.text() == null ? said.args() : null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the reason of a follow-up of " + followUp.subject(), e);
        }
    }

    /** A follow-up row's reason in a language; a reason stored before issue 26 (an English sentence) as it is. */
    public static String followUpReason(ObjectMapper json, String stored, Rules runRules, Lang lang) {
        if (stored == null || !stored.startsWith("[")) {
            return stored;
        }
        try {
            ToldBy told = json.readValue(stored, ToldBy.class);
            return runRules.texts().render(told.rule(), new Sentence(told.text(), told.args()), lang);
        } catch (JsonProcessingException e) {
            return stored;
        }
    }
}
