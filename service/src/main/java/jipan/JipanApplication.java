package jipan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import jipan.core.Lang;
import jipan.admin.AdminPort;
import jipan.admin.MaskedRequestLog;
import jipan.admin.PrometheusEndpoint;
import jipan.admin.SecretsFilter;
import jipan.admin.ServiceMetrics;
import jipan.auth.ApiKeyFilter;
import jipan.auth.RoleCheck;
import jipan.bench.BenchCommand;
import jipan.cli.ClassifyAllCommand;
import jipan.cli.BacktestCommand;
import jipan.cli.DbCommand;
import jipan.cli.ImpactCommand;
import jipan.cli.ImportCommand;
import jipan.cli.ReportCommand;
import jipan.cli.StoreRunCommand;
import jipan.cli.TestRulesCommand;
import jipan.cli.ValidateRulesCommand;
import jipan.console.ConsoleResource;
import jipan.console.DashboardWarmUp;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.documents.JsonSettings;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.resources.StoreParameters;
import jipan.resources.NightlyResource;
import jipan.nightly.NightlyPipeline;
import jipan.stores.Stores;
import jipan.db.WorkHeartbeat;
import jipan.db.WorkOwner;
import jipan.demo.DemoDataCommand;
import jipan.evidence.Backtests;
import jipan.evidence.Challengers;
import jipan.evidence.ObservedRates;
import jipan.health.DatabaseHealthCheck;
import jipan.health.RulesHealthCheck;
import jipan.imports.ImportJobs;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RuleImpact;
import jipan.approval.PublishRequests;
import jipan.approval.RequestEvidenceMaker;
import jipan.approval.ScheduledRequests;
import jipan.lifecycle.RulePublisher;
import jipan.lifecycle.RuleVersions;
import jipan.openapi.OpenApiDocument;
import jipan.openapi.SwaggerUi;
import jipan.reports.Reports;
import jipan.resources.BatchLimit;
import jipan.resources.BacktestResource;
import jipan.resources.CallListResource;
import jipan.resources.CallerResource;
import jipan.resources.ChallengerResource;
import jipan.resources.LabelsResource;
import jipan.resources.ProblemLanguage;
import jipan.resources.ClassificationRunResource;
import jipan.resources.ClassifyResource;
import jipan.resources.ClassifyWarmUp;
import jipan.resources.CustomerResource;
import jipan.resources.DateParameters;
import jipan.resources.EmptyParameters;
import jipan.resources.ErrorBodies;
import jipan.resources.ImportResource;
import jipan.resources.InvalidInputExceptionMapper;
import jipan.resources.JsonErrorHandler;
import jipan.resources.ReportParameterExceptionMapper;
import jipan.resources.ReportResource;
import jipan.resources.RuleEvaluationExceptionMapper;
import jipan.resources.RuleSettingsResource;
import jipan.resources.RuleVersionsResource;
import jipan.resources.PublishRequestResource;
import jipan.resources.WebhookResource;
import jipan.webhooks.Webhooks;
import jipan.resources.PublishRequestRefusedMapper;
import jipan.resources.RulesResource;
import jipan.runs.CallLists;
import jipan.runs.ClassificationRuns;

/**
 * The jipan service: {@code java -jar jipan.jar server config/jipan.yml}. This class only wires the parts together;
 * what each part does is in its own class.
 */
public class JipanApplication extends Application<JipanConfiguration> {
    /** The API's resources, as the OpenAPI document describes them. */
    private static final Set<Class<?>> API = Set.of(ClassifyResource.class, CustomerResource.class,
            RulesResource.class, RuleVersionsResource.class, PublishRequestResource.class, WebhookResource.class, RuleSettingsResource.class, ClassificationRunResource.class,
            ImportResource.class, ReportResource.class, CallerResource.class, CallListResource.class,
            LabelsResource.class, BacktestResource.class, ChallengerResource.class, NightlyResource.class);

    public static void main(String[] args) throws Exception {
        new JipanApplication().run(args);
    }

    @Override
    public String getName() {
        return "jipan";
    }

    private volatile LiveRules liveRules;

    /** The live rules of the running service (for tests and embedding), or null before it runs. */
    public LiveRules liveRules() {
        return liveRules;
    }

    @Override
    public void initialize(Bootstrap<JipanConfiguration> bootstrap) {
        JsonSettings.apply(bootstrap.getObjectMapper());
        bootstrap.addCommand(new TestRulesCommand());
        bootstrap.addCommand(new BenchCommand());
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new ClassifyAllCommand());
        bootstrap.addCommand(new ImportCommand());
        bootstrap.addCommand(new StoreRunCommand());
        bootstrap.addCommand(new DemoDataCommand());
        bootstrap.addCommand(new jipan.cli.NightlyCommand());
        bootstrap.addCommand(new ReportCommand());
        bootstrap.addCommand(new ValidateRulesCommand());
        bootstrap.addCommand(new ImpactCommand());
        bootstrap.addCommand(new BacktestCommand());
    }

    @Override
    public void run(JipanConfiguration configuration, Environment environment) {
        SecretsFilter.install();
        MaskedRequestLog.install(configuration.getServerFactory());
        AdminPort.loopbackByDefault(configuration.getServerFactory());
        AdminPort.closeTasksUnlessEnabled(environment, configuration.getAdmin());
        JsonErrorHandler.install(environment);
        PrometheusEndpoint.register(environment);
        ServiceMetrics metrics = new ServiceMetrics(environment.metrics());
        ObjectMapper json = environment.getObjectMapper();
        LifecycleEnvironment lifecycle = environment.lifecycle();
        JerseyEnvironment jersey = environment.jersey();

        Stores stores = configuration.buildStores();
        Database database = Database.open(configuration.getDatabase());
        lifecycle.manage(database);
        RuleVersions versions = new RuleVersions(database.jdbi(), json);
        RulePublisher publisher = configuration.buildPublisher(versions);
        LiveRules rules = publisher.live();
        rules.metrics(metrics);
        liveRules = rules;
        configuration.getRules().followers(publisher).forEach(lifecycle::manage);

        WorkOwner owner = configuration.getWork().owner();
        lifecycle.manage(new WorkHeartbeat(database.jdbi(), owner));
        Webhooks webhooks = new Webhooks(database.jdbi(), json, configuration.getWebhooks(), owner.id());
        lifecycle.manage(webhooks);
        rules.events(webhooks);
        CustomerStore store = new CustomerStore(database);
        ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, rules, json,
                ClassificationRuns.DEFAULT_PAGE_SIZE);
        runs.metrics(metrics);
        runs.events(webhooks);
        runs.owner(owner);
        runs.holdout(configuration.getCallLists().holdout());
        Challengers challengers = new Challengers(database.jdbi(), versions, configuration::buildClassifier);
        runs.challenger(challengers::classifier);
        runs.markInterrupted();
        ExecutorService runExecutor = lifecycle.executorService("classification-runs").minThreads(1).maxThreads(1)
                .build();
        ExecutorService importExecutor = lifecycle.executorService("imports").minThreads(1).maxThreads(1).build();
        ImportJobs imports = new ImportJobs(configuration.getImports().importer(database.jdbi()), importExecutor,
                database.jdbi(), json);
        imports.metrics(metrics);
        imports.events(webhooks);
        imports.owner(owner);
        imports.maxUploadMegabytes(configuration.getImports().getMaxUploadMegabytes());
        imports.markInterrupted();
        if (configuration.getNightly().enabled()) {
            lifecycle.manage(new NightlyPipeline(configuration.getNightly(), stores, database.jdbi(), imports, runs,
                    owner, json, metrics, Clock.systemUTC()));
        }
        jersey.register(new NightlyResource(configuration.getNightly(), stores, database.jdbi(), json));
        Reports reports = new Reports(database, Clock.systemDefaultZone(),
                configuration.getReports().getRetainedMinVisits()).stores(stores);

        CustomerFactsReader reader = new CustomerFactsReader();
        BatchLimit limit = new BatchLimit(configuration.getClassify().getMaxCustomersPerRequest());
        ClassifyResource classify = new ClassifyResource(rules, reader, limit, metrics);
        jersey.register(classify);
        ObservedRates observed = new ObservedRates(database.jdbi());
        jersey.register(new CustomerResource(store, runs, rules, reader, limit, observed,
                configuration.getCallLists().holdout(), stores));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService backtestExecutor = lifecycle.executorService("backtests").minThreads(cores).maxThreads(cores)
                .build();
        Backtests backtests = new Backtests(database.jdbi(), store, json, backtestExecutor);
        RuleImpact impact = new RuleImpact(store);
        PublishRequests requests = new PublishRequests(database.jdbi(), json, publisher, versions,
                new RequestEvidenceMaker(impact, backtests, configuration.getRules().getRequestEvidenceSample()));
        lifecycle.manage(new ScheduledRequests(requests));
        requests.events(webhooks);
        metrics.pendingRequests(requests::pending);
        jersey.register(new RulesResource(publisher, versions, impact, configuration.getRules().fixturesDirectory(),
                requests).stores(stores));
        jersey.register(new RuleVersionsResource(publisher, versions, requests));
        jersey.register(new PublishRequestResource(requests));
        jersey.register(new WebhookResource(database.jdbi()));
        jersey.register(new RuleSettingsResource(rules, stores));
        jersey.register(new BacktestResource(publisher, backtests, challengers, stores));
        jersey.register(new ChallengerResource(challengers));
        jersey.register(new ClassificationRunResource(runs, runExecutor, stores));
        jersey.register(new ImportResource(imports, stores));
        jersey.register(new CallerResource(stores));
        jersey.register(new LabelsResource());
        jersey.register(new ProblemLanguage()); // error answers in Chinese when asked
        jersey.register(new CallListResource(new CallLists(database), stores));
        jersey.register(new ReportResource(reports, metrics, stores));
        jersey.register(new SwaggerUi());
        jersey.register(new ConsoleResource());
        jersey.register(OpenApiDocument.of(
                Objects.requireNonNullElse(getClass().getPackage().getImplementationVersion(), "development"), API,
                () -> rules.current().rulesetVersion(), body -> classify.answer(body, Lang.EN), json));
        lifecycle.manage(new ClassifyWarmUp(classify, json, configuration.getClassify().getWarmUpCustomers()));
        lifecycle.manage(new DashboardWarmUp(database.jdbi(), reports));

        jersey.register(ApiKeyFilter.of(configuration.getAuth()));
        jersey.register(new RoleCheck()); // each resource method's @RolesAllowed, on the method Jersey matched
        jersey.register(new EmptyParameters());
        jersey.register(new DateParameters());
        ErrorBodies.register(jersey);
        jersey.register(new InvalidInputExceptionMapper());
        jersey.register(new ReportParameterExceptionMapper());
        jersey.register(new RuleEvaluationExceptionMapper());
        jersey.register(new PublishRequestRefusedMapper());
        jersey.register(new StoreParameters.OutOfScopeMapper());
        environment.healthChecks().register("rules", new RulesHealthCheck(rules));
        environment.healthChecks().register("database", new DatabaseHealthCheck(database));
    }
}
