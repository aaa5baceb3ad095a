package jipan.db;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Classification runs and the results they stored, one row per customer and run. */
@RegisterConstructorMapper(ClassificationRunRow.class)
@RegisterConstructorMapper(StoredResultRow.class)
public interface ClassificationRunDao {

    @SqlUpdate("""
            INSERT INTO classification_run (as_of, ruleset_version, status, customers_total, customers_done, started_at,
                                            owner, heartbeat_at, customers_until, store)
            VALUES (:asOf, :rulesetVersion, 'RUNNING', :total, 0, CURRENT_TIMESTAMP, :owner, LOCALTIMESTAMP, :until,
                    :store)
            """)
    @GetGeneratedKeys("id")
    long insertRun(@Bind("asOf") LocalDate asOf, @Bind("rulesetVersion") String rulesetVersion, @Bind("total") int total,
                   @Bind("owner") String owner, @Bind("until") LocalDateTime until, @Bind("store") String store);

    /** The database's clock: heartbeats are written and compared with it, never with an instance's own. */
    @SqlQuery("SELECT LOCALTIMESTAMP")
    LocalDateTime now();

    /** An owner is alive: its running runs' heartbeat renewed. */
    @SqlUpdate("UPDATE classification_run SET heartbeat_at = LOCALTIMESTAMP WHERE owner = :owner AND status = 'RUNNING'")
    int heartbeat(@Bind("owner") String owner);

    /**
     * Takes a run over for {@code owner} if it is still as it was seen (status, owner, heartbeat): of two instances
     * that saw the same run and try at once, one changes the row, the other changes nothing (0).
     */
    @SqlUpdate("""
            UPDATE classification_run SET status = 'RUNNING', owner = :owner, heartbeat_at = LOCALTIMESTAMP,
                   finished_at = NULL, error = NULL
            WHERE id = :id AND status = :seenStatus AND COALESCE(owner, '') = :seenOwner
              AND COALESCE(heartbeat_at, TIMESTAMP '1900-01-01 00:00:00') = :seenHeartbeat
            """)
    int claim(@Bind("id") long id, @Bind("owner") String owner, @Bind("seenStatus") String seenStatus,
              @Bind("seenOwner") String seenOwner, @Bind("seenHeartbeat") LocalDateTime seenHeartbeat);

    @SqlQuery("SELECT * FROM classification_run WHERE id = :id")
    Optional<ClassificationRunRow> findRun(@Bind("id") long id);

    /**
     * The runs for {@code asOf} that are running and would classify customers of {@code store} (null: the whole
     * group): a group run overlaps every store's.
     */
    @SqlQuery("""
            SELECT * FROM classification_run WHERE as_of = :asOf AND status = 'RUNNING'
              AND (store IS NULL OR CAST(:store AS VARCHAR(20)) IS NULL OR store = :store) ORDER BY id
            """)
    List<ClassificationRunRow> runningFor(@Bind("asOf") LocalDate asOf, @Bind("store") String store);

    /** The latest finished run the caller's stores see ({@code <runStores>}, see StoreScope). */
    @SqlQuery("SELECT MAX(id) FROM classification_run WHERE status = 'DONE' AND <runStores>")
    Optional<Long> latestDoneRun();

    /** The latest finished run as of {@code asOf} or earlier: one whose horizon up to a date has passed. */
    @SqlQuery("SELECT MAX(id) FROM classification_run WHERE status = 'DONE' AND as_of <= :asOf AND <runStores>")
    Optional<Long> latestDoneRunUpTo(@Bind("asOf") LocalDate asOf);

    /** The finished run before run {@code before}: what a tier migration compares the latest run with. */
    @SqlQuery("""
            SELECT MAX(id) FROM classification_run WHERE status = 'DONE' AND id < :before
              AND COALESCE(store, '') = (SELECT COALESCE(b.store, '') FROM classification_run b WHERE b.id = :before)
            """)
    Optional<Long> doneRunBefore(@Bind("before") long before);

    /** How many customers a run put in each tier (NONE: no tier). */
    @SqlQuery("""
            SELECT COALESCE(tier, 'NONE') AS tier, COUNT(*) AS customers
            FROM classification_result WHERE run_id = :run AND customer_id <inStores>
            GROUP BY COALESCE(tier, 'NONE') ORDER BY tier
            """)
    @RegisterConstructorMapper(TierCount.class)
    List<TierCount> tierCounts(@Bind("run") long run);

    /** Customers in one tier. */
    record TierCount(String tier, int customers) {
    }

    @SqlQuery("SELECT * FROM classification_run ORDER BY id DESC LIMIT :limit")
    List<ClassificationRunRow> latestRuns(@Bind("limit") int limit);

    /** The latest runs of these stores (runs of the whole group are not theirs). */
    @SqlQuery("SELECT * FROM classification_run WHERE store IN (<stores>) ORDER BY id DESC LIMIT :limit")
    List<ClassificationRunRow> latestRunsOf(@org.jdbi.v3.sqlobject.customizer.BindList("stores") List<String> stores,
                                            @Bind("limit") int limit);

    @SqlBatch("""
            INSERT INTO classification_result (run_id, customer_id, as_of, ruleset_version, tier, churn, loyalty_score,
                loyalty_level, base_grade, result_json, loyalty_satisfaction, loyalty_maintenance, loyalty_activity,
                loyalty_advocacy)
            VALUES (:runId, :customerId, :asOf, :rulesetVersion, :tier, :churn, :loyaltyScore, :loyaltyLevel,
                :baseGrade, :resultJson, :loyaltySatisfaction, :loyaltyMaintenance, :loyaltyActivity, :loyaltyAdvocacy)
            """)
    void insertResults(@BindMethods List<StoredResultRow> results);

    /** A follow-up the rules decided for a customer in a run; {@code heldOut}: kept off the call lists. */
    record StoredFollowUpRow(long runId, String customerId, String kind, String subject, int priority,
                             LocalDate due, String assignee, String person, String basis, String reason,
                             boolean heldOut) {
    }

    @SqlBatch("""
            INSERT INTO follow_up (run_id, customer_id, kind, subject, priority, due, assignee, person, basis, reason,
                                   held_out)
            VALUES (:runId, :customerId, :kind, :subject, :priority, :due, :assignee, :person, :basis, :reason,
                    :heldOut)
            """)
    void insertFollowUps(@BindMethods List<StoredFollowUpRow> followUps);

    /** A lead's category, action and CONQUEST_SERVICE flag in a run. */
    record StoredLeadRow(long runId, String leadId, String customerId, String category, String action,
                         boolean conquest) {
    }

    @SqlBatch("""
            INSERT INTO classification_lead (run_id, lead_id, customer_id, category, action, conquest)
            VALUES (:runId, :leadId, :customerId, :category, :action, :conquest)
            """)
    void insertLeads(@BindMethods List<StoredLeadRow> leads);

    /** A vehicle's lifecycle stage in a run. */
    record StoredVehicleRow(long runId, String vin, String customerId, String lifecycle) {
    }

    @SqlBatch("""
            INSERT INTO classification_vehicle (run_id, vin, customer_id, lifecycle)
            VALUES (:runId, :vin, :customerId, :lifecycle)
            """)
    void insertVehicles(@BindMethods List<StoredVehicleRow> vehicles);

    /** A page stored by the run's owner (0: the run is no longer this owner's — taken over, the page is not kept). */
    @SqlUpdate("""
            UPDATE classification_run SET customers_done = customers_done + :count, heartbeat_at = LOCALTIMESTAMP
            WHERE id = :id AND owner = :owner
            """)
    int addDone(@Bind("id") long id, @Bind("count") int count, @Bind("owner") String owner);

    /** The run ends, if it is still this owner's. */
    @SqlUpdate("""
            UPDATE classification_run SET status = :status, finished_at = CURRENT_TIMESTAMP, error = :error
            WHERE id = :id AND owner = :owner
            """)
    int finish(@Bind("id") long id, @Bind("status") String status, @Bind("error") String error,
               @Bind("owner") String owner);

    /** Runs left RUNNING by an owner whose last heartbeat is before {@code cutoff}; they can be resumed. */
    @SqlUpdate("""
            UPDATE classification_run SET status = 'INTERRUPTED',
                   error = 'the instance running it stopped (no heartbeat from ' || COALESCE(owner, 'an older version')
                           || ' since ' || COALESCE(CAST(heartbeat_at AS VARCHAR(40)), 'its start') || ')'
            WHERE status = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < :cutoff)
            """)
    int markInterrupted(@Bind("cutoff") LocalDateTime cutoff);

    /** The last customer a run stored, or empty: where a resumed run continues. */
    @SqlQuery("SELECT MAX(customer_id) FROM classification_result WHERE run_id = :runId")
    Optional<String> lastCustomerOf(@Bind("runId") long runId);

    /** How many customers moved from each tier in one run to each tier in another; NONE for no result. */
    @SqlQuery("""
            SELECT COALESCE(a.tier, 'NONE') AS from_tier, COALESCE(b.tier, 'NONE') AS to_tier, COUNT(*) AS customers
            FROM classification_result a
            JOIN classification_result b ON b.customer_id = a.customer_id AND b.run_id = :to
            WHERE a.run_id = :from
            GROUP BY COALESCE(a.tier, 'NONE'), COALESCE(b.tier, 'NONE')
            ORDER BY from_tier, to_tier
            """)
    @RegisterConstructorMapper(TierMove.class)
    List<TierMove> tierMoves(@Bind("from") long fromRun, @Bind("to") long toRun);

    /** A cell of a tier migration matrix. */
    record TierMove(String fromTier, String toTier, int customers) {
    }

    @SqlQuery("SELECT * FROM classification_result WHERE customer_id = :customerId ORDER BY as_of DESC, run_id DESC")
    List<StoredResultRow> historyOf(@Bind("customerId") String customerId);

    /** A rule a run's stored results refer to by its number. */
    record RunRuleRow(long runId, int ruleNo, String rule, String topic, String nameEn, String nameZh, String sayEn,
                      String sayZh, String actionZh) {
        public static RunRuleRow of(long runId, int ruleNo, String rule, String topic, jipan.core.RuleTexts.Texts texts) {
            return new RunRuleRow(runId, ruleNo, rule, topic, texts.nameEn(), texts.nameZh(), texts.sayEn(),
                    texts.sayZh(), texts.actionZh());
        }

        /** What the rule says in Chinese and English, as the run stored it (none for runs before issue 26). */
        public jipan.core.RuleTexts.Texts texts() {
            return new jipan.core.RuleTexts.Texts(nameEn, nameZh, sayEn, sayZh, actionZh);
        }
    }

    @SqlBatch("INSERT INTO classification_run_rule (run_id, rule_no, rule, topic, name_en, name_zh, say_en, say_zh, "
            + "action_zh) VALUES (:runId, :ruleNo, :rule, :topic, :nameEn, :nameZh, :sayEn, :sayZh, :actionZh)")
    void insertRunRules(@BindMethods List<RunRuleRow> rules);

    @SqlQuery("SELECT * FROM classification_run_rule WHERE run_id = :runId ORDER BY rule_no")
    @RegisterConstructorMapper(RunRuleRow.class)
    List<RunRuleRow> runRules(@Bind("runId") long runId);
}
