package jipan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.lifecycle.Managed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jipan.admin.AdminSettings;
import jipan.auth.AuthSettings;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.db.DatabaseSettings;
import jipan.db.WorkOwner;
import jipan.imports.ImportSettings;
import jipan.lifecycle.ActiveVersionPoller;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RulePublisher;
import jipan.lifecycle.RuleVersions;
import jipan.lifecycle.RulesDirectoryWatcher;
import jipan.webhooks.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's configuration file (see config/jipan.yml). */
public class JipanConfiguration extends Configuration {
    private static final Logger LOG = LoggerFactory.getLogger(JipanConfiguration.class);

    /** Where the rules come from and how far they may run. */
    public static class RulesSettings {
        /** The directory whose {@code *.drl} files make the rule set; relative to the working directory. */
        @NotBlank
        private String directory = "rules";

        /** Rule firings allowed for one customer before the answer is refused as a runaway rule. */
        @Min(100)
        private int maxFiringsPerCustomer = Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER;

        /** Milliseconds the rules may take for one customer before they are stopped as too slow. */
        @Min(10)
        private long maxMillisPerCustomer = Classifier.DEFAULT_MAX_MILLIS_PER_CUSTOMER;

        @JsonProperty public long getMaxMillisPerCustomer() { return maxMillisPerCustomer; }
        @JsonProperty public void setMaxMillisPerCustomer(long max) { this.maxMillisPerCustomer = max; }

        /** Fixtures a new rule set must pass before it goes live (relative path); empty: no gate. */
        private String fixtureGate = "fixtures";

        /** The share of a candidate's rules (in %) the gate's fixtures must fire, else it is refused. */
        @Min(0)
        @Max(100)
        private int minCoveragePercent = RulePublisher.FULL_COVERAGE;

        /**
         * {@code required}: a rule change goes live only when a second person approves its publish request (the
         * rules directory is then not watched, and reload and direct rollback are refused); {@code optional}: an
         * analyst publishes alone. There is no default: like {@code auth.mode}, every configuration says which.
         */
        @NotNull(message = "must be said: required (a second person approves every rule change) or optional")
        @Pattern(regexp = "required|optional", message = "must be required or optional")
        private String approval;

        /** The stored customers a publish request's impact and backtest are computed on (the first in id order). */
        @Min(100)
        @Max(1_000_000)
        private int requestEvidenceSample = 5_000;

        @JsonProperty public int getRequestEvidenceSample() { return requestEvidenceSample; }
        @JsonProperty public void setRequestEvidenceSample(int sample) { this.requestEvidenceSample = sample; }

        @JsonProperty public String getApproval() { return approval; }
        @JsonProperty public void setApproval(String approval) { this.approval = approval; }

        public boolean approvalRequired() {
            return "required".equals(approval);
        }

        @JsonProperty public int getMinCoveragePercent() { return minCoveragePercent; }
        @JsonProperty public void setMinCoveragePercent(int percent) { this.minCoveragePercent = percent; }

        /** Seconds between checks for a rule version another instance made active; 0: do not check. */
        @Min(0)
        private long pollActiveVersionSeconds = 10;

        @JsonProperty public long getPollActiveVersionSeconds() { return pollActiveVersionSeconds; }
        @JsonProperty public void setPollActiveVersionSeconds(long seconds) { this.pollActiveVersionSeconds = seconds; }

        /** Reload the rules when a file in the directory changes. */
        private boolean watch = true;

        @JsonProperty public String getFixtureGate() { return fixtureGate; }
        @JsonProperty public void setFixtureGate(String fixtureGate) { this.fixtureGate = fixtureGate; }
        @JsonProperty public boolean isWatch() { return watch; }
        @JsonProperty public void setWatch(boolean watch) { this.watch = watch; }
        @JsonProperty public String getDirectory() { return directory; }
        @JsonProperty public void setDirectory(String directory) { this.directory = directory; }
        @JsonProperty public int getMaxFiringsPerCustomer() { return maxFiringsPerCustomer; }
        @JsonProperty public void setMaxFiringsPerCustomer(int max) { this.maxFiringsPerCustomer = max; }

        /** The fixtures the console edits and candidates are tested against: the gate's, else {@code fixtures}. */
        public Path fixturesDirectory() {
            return Path.of(fixtureGate == null || fixtureGate.isBlank() ? "fixtures" : fixtureGate);
        }

        /**
         * What keeps the live rules current while the service runs: a watcher of the rules directory
         * ({@code watch}), a poller of the version other instances made active ({@code pollActiveVersionSeconds}).
         */
        public List<Managed> followers(RulePublisher publisher) {
            List<Managed> followers = new ArrayList<>();
            if (watch && approvalRequired()) {
                LOG.info("rules.watch is off: with rules.approval required, an edit of the rules directory goes live "
                        + "only through an approved publish request");
            } else if (watch) {
                followers.add(new RulesDirectoryWatcher(publisher, Path.of(directory)));
            }
            if (pollActiveVersionSeconds > 0) {
                followers.add(new ActiveVersionPoller(publisher, pollActiveVersionSeconds));
            }
            return followers;
        }
    }

    /** How instances sharing a store tell that each other's background work is still being done. */
    public static class WorkSettings {
        /** Seconds between the heartbeats an instance writes for the runs and imports it does. */
        @Min(1)
        private long heartbeatSeconds = 10;

        /** Seconds without a heartbeat after which a run or import counts as abandoned (its instance stopped). */
        @Min(2)
        private long staleAfterSeconds = 60;

        @JsonProperty public long getHeartbeatSeconds() { return heartbeatSeconds; }
        @JsonProperty public void setHeartbeatSeconds(long seconds) { this.heartbeatSeconds = seconds; }
        @JsonProperty public long getStaleAfterSeconds() { return staleAfterSeconds; }
        @JsonProperty public void setStaleAfterSeconds(long seconds) { this.staleAfterSeconds = seconds; }

        /** This process as the owner of the work it does. */
        public WorkOwner owner() {
            return WorkOwner.thisProcess(Duration.ofSeconds(heartbeatSeconds), Duration.ofSeconds(staleAfterSeconds));
        }
    }

    @Valid
    @NotNull
    private WorkSettings work = new WorkSettings();

    @JsonProperty public WorkSettings getWork() { return work; }
    @JsonProperty public void setWork(WorkSettings work) { this.work = work; }

    /** Limits of the classify endpoint. */
    public static class ClassifySettings {
        /** Customers accepted in one classify or upsert request; more is answered 413. */
        @Min(1)
        private int maxCustomersPerRequest = 10_000;

        /**
         * Made-up single-customer requests answered at start, before the port opens, so the first real ones meet a
         * warm JVM (0: none).
         */
        @Min(0)
        @jakarta.validation.constraints.Max(1_000_000)
        private int warmUpCustomers = 20_000;

        @JsonProperty public int getMaxCustomersPerRequest() { return maxCustomersPerRequest; }
        @JsonProperty public void setMaxCustomersPerRequest(int max) { this.maxCustomersPerRequest = max; }
        @JsonProperty public int getWarmUpCustomers() { return warmUpCustomers; }
        @JsonProperty public void setWarmUpCustomers(int customers) { this.warmUpCustomers = customers; }
    }

    /** Settings of the reports. */
    public static class ReportSettings {
        /**
         * The customer-pay visits in the twelve months to a month's end that make a base customer retained (保有客户);
         * 1, the tier C threshold, counts tiers A–C.
         */
        @Min(1)
        @jakarta.validation.constraints.Max(52)
        private int retainedMinVisits = jipan.reports.Reports.DEFAULT_RETAINED_MIN_VISITS;

        @JsonProperty public int getRetainedMinVisits() { return retainedMinVisits; }
        @JsonProperty public void setRetainedMinVisits(int visits) { this.retainedMinVisits = visits; }
    }

    /**
     * Settings of the call lists: the share of each kind of task held out (not listed) so that the lists' own
     * effect can be measured (docs/domain.md §6.3).
     */
    public static class CallListSettings {
        /** The share (%) of every kind of task held out of the call lists; 0: every task is listed. */
        @Min(0)
        @Max(100)
        private int holdoutPercent = 0;

        /** Shares (%) for single kinds, e.g. {@code RETENTION_CALL: 10}; a kind not named takes holdoutPercent. */
        @NotNull
        private java.util.Map<jipan.core.facts.FollowUpKind, @Min(0) @Max(100) Integer> holdoutPercentByKind =
                java.util.Map.of();

        @JsonProperty public int getHoldoutPercent() { return holdoutPercent; }
        @JsonProperty public void setHoldoutPercent(int percent) { this.holdoutPercent = percent; }
        @JsonProperty public java.util.Map<jipan.core.facts.FollowUpKind, Integer> getHoldoutPercentByKind() {
            return holdoutPercentByKind;
        }
        @JsonProperty public void setHoldoutPercentByKind(java.util.Map<jipan.core.facts.FollowUpKind, Integer> byKind) {
            this.holdoutPercentByKind = byKind == null ? java.util.Map.of() : byKind;
        }

        public jipan.core.evidence.Holdout holdout() {
            return new jipan.core.evidence.Holdout(holdoutPercent, holdoutPercentByKind);
        }
    }

    @Valid
    @NotNull
    private CallListSettings callLists = new CallListSettings();

    @JsonProperty public CallListSettings getCallLists() { return callLists; }
    @JsonProperty public void setCallLists(CallListSettings callLists) { this.callLists = callLists; }

    @Valid
    @NotNull
    private ReportSettings reports = new ReportSettings();

    @JsonProperty public ReportSettings getReports() { return reports; }
    @JsonProperty public void setReports(ReportSettings reports) { this.reports = reports; }

    @Valid
    @NotNull
    private RulesSettings rules = new RulesSettings();

    @Valid
    @NotNull
    private ClassifySettings classify = new ClassifySettings();

    @Valid
    @NotNull
    private DatabaseSettings database = new DatabaseSettings();

    @Valid
    @NotNull
    private ImportSettings imports = new ImportSettings();

    /** Who may call the API; must be configured ({@code auth: {mode: none}} switches it off on purpose). */
    @Valid
    @NotNull
    private AuthSettings auth;

    /** Compiles the rule files of the configured directory; throws with every error when they do not compile. */
    public Classifier buildClassifier() {
        return buildClassifier(RuleFiles.readDirectory(Path.of(rules.getDirectory())));
    }

    /** Compiles (and verifies) rule files into a classifier with the configured limits. */
    public Classifier buildClassifier(RuleFiles files) {
        CompiledRules compiled = new RuleCompiler().compile(files);
        return new Classifier(compiled, rules.getMaxFiringsPerCustomer(), rules.getMaxMillisPerCustomer());
    }

    /** The fixtures a candidate must pass, or null for no gate. */
    public Path fixtureGate() {
        String gate = rules.getFixtureGate();
        return gate == null || gate.isBlank() ? null : Path.of(gate);
    }

    /**
     * The live rules at start: the store's active version, with a rules directory that differs from it treated
     * as a candidate (verified, compiled, gated; refused, it is reported and the active version runs). With no
     * version stored, the directory must pass the gate or the service does not start.
     */
    public RulePublisher buildPublisher(RuleVersions versions) {
        RulePublisher publisher = RulePublisher.start(versions, Path.of(rules.getDirectory()), this::buildClassifier,
                fixtureGate(), rules.getMinCoveragePercent(), rules.approvalRequired());
        LiveRules live = publisher.live();
        Classifier first = live.current();
        LOG.info("rule set {} is live: {} rules{}", first.rulesetVersion(), first.rules().ruleNames().size(),
                live.lastRefusal() == null ? "" : "; the rules directory was refused: " + live.lastRefusal().reasons());
        first.rules().warnings().forEach(warning -> LOG.warn("rule warning: {}", warning));
        return publisher;
    }

    /** The group's 4S stores (none: one store, {@code default}). */
    @Valid
    @NotNull
    @jakarta.validation.constraints.Size(max = 1000)
    private java.util.List<jipan.stores.StoreSettings> stores = new java.util.ArrayList<>();

    @JsonProperty public java.util.List<jipan.stores.StoreSettings> getStores() { return stores; }
    @JsonProperty public void setStores(java.util.List<jipan.stores.StoreSettings> stores) { this.stores = stores; }

    /**
     * The stores, checked: codes given once, and every key limited to stores names configured ones (else the
     * service does not start, naming the key and the store).
     */
    public jipan.stores.Stores buildStores() {
        jipan.stores.Stores built = jipan.stores.Stores.of(stores);
        if (auth != null) {
            for (jipan.auth.AuthSettings.ApiKey key : auth.getKeys()) {
                for (String store : key.getStores()) {
                    built.check("auth.keys[" + key.getName() + "].stores", store);
                }
            }
        }
        return built;
    }

    /** The nightly pipeline (none by default). */
    @Valid
    @NotNull
    private jipan.nightly.NightlySettings nightly = new jipan.nightly.NightlySettings();

    @JsonProperty public jipan.nightly.NightlySettings getNightly() { return nightly; }
    @JsonProperty public void setNightly(jipan.nightly.NightlySettings nightly) { this.nightly = nightly; }

    /** Where webhooks go (none by default). */
    @Valid
    @NotNull
    private WebhookSettings webhooks = new WebhookSettings();

    @JsonProperty public WebhookSettings getWebhooks() { return webhooks; }
    @JsonProperty public void setWebhooks(WebhookSettings webhooks) { this.webhooks = webhooks; }

    @JsonProperty public RulesSettings getRules() { return rules; }
    @JsonProperty public void setRules(RulesSettings rules) { this.rules = rules; }
    @Valid
    @NotNull
    private AdminSettings admin = new AdminSettings();

    @JsonProperty public AdminSettings getAdmin() { return admin; }
    @JsonProperty public void setAdmin(AdminSettings admin) { this.admin = admin; }
    @JsonProperty public AuthSettings getAuth() { return auth; }
    @JsonProperty public void setAuth(AuthSettings auth) { this.auth = auth; }
    @JsonProperty public ImportSettings getImports() { return imports; }
    @JsonProperty public void setImports(ImportSettings imports) { this.imports = imports; }
    @JsonProperty public DatabaseSettings getDatabase() { return database; }
    @JsonProperty public void setDatabase(DatabaseSettings database) { this.database = database; }
    @JsonProperty public ClassifySettings getClassify() { return classify; }
    @JsonProperty public void setClassify(ClassifySettings classify) { this.classify = classify; }
}
