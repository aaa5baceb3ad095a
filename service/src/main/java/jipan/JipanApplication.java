package jipan;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import jipan.admin.AdminPort;
import jipan.admin.PrometheusEndpoint;
import jipan.admin.ServiceMetrics;
import jipan.admin.SecretsFilter;
import jipan.auth.ApiKeyFilter;
import jipan.auth.RoleCheck;
import jipan.cli.BenchCommand;
import jipan.cli.ClassifyAllCommand;
import jipan.cli.DbCommand;
import jipan.cli.DemoDataCommand;
import jipan.cli.ImpactCommand;
import jipan.cli.ImportCommand;
import jipan.cli.StoreRunCommand;
import jipan.cli.ReportCommand;
import jipan.cli.TestRulesCommand;
import jipan.cli.ValidateRulesCommand;
import jipan.core.Classifier;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.documents.JsonSettings;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.health.DatabaseHealthCheck;
import jipan.health.RulesHealthCheck;
import jipan.imports.ImportJobs;
import jipan.lifecycle.ActiveVersionPoller;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RuleImpact;
import jipan.lifecycle.RuleVersions;
import jipan.lifecycle.RulesDirectoryWatcher;
import jipan.reports.Reports;
import jipan.resources.BatchLimit;
import jipan.resources.ClassificationRunResource;
import jipan.resources.ClassifyResource;
import jipan.resources.CustomerResource;
import jipan.resources.ErrorBodies;
import jipan.resources.ImportResource;
import jipan.resources.InvalidInputExceptionMapper;
import jipan.resources.JsonErrorHandler;
import jipan.resources.ReportParameterExceptionMapper;
import jipan.resources.ReportResource;
import jipan.resources.RuleEvaluationExceptionMapper;
import jipan.resources.RulesResource;
import jipan.runs.ClassificationRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jipan service: {@code java -jar jipan.jar server config/jipan.yml}. */
public class JipanApplication extends Application<JipanConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(JipanApplication.class);

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
        bootstrap.addCommand(new ReportCommand());
        bootstrap.addCommand(new ValidateRulesCommand());
        bootstrap.addCommand(new ImpactCommand());
    }

    /** The fixtures candidate rules are tested against: the gate's, or the repository's fixtures/. */
    private static String fixturesFor(JipanConfiguration configuration) {
        String gate = configuration.getRules().getFixtureGate();
        return gate == null || gate.isBlank() ? "fixtures" : gate;
    }

    @Override
    public void run(JipanConfiguration configuration, Environment environment) {
        SecretsFilter.install();
        // the web server's own errors (bad URI, 414, 431, unknown paths) answer in the API's JSON error body
        environment.lifecycle().addServerLifecycleListener(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            environment.getApplicationContext().setErrorHandler(new JsonErrorHandler());
        });
        AdminPort.loopbackByDefault(configuration.getServerFactory());
        AdminPort.closeTasksUnlessEnabled(environment, configuration.getAdmin());
        Database database = Database.open(configuration.getDatabase());
        environment.lifecycle().manage(database);
        RuleVersions versions = new RuleVersions(database.jdbi(), environment.getObjectMapper());
        LiveRules rules = configuration.buildLiveRules(versions);
        ServiceMetrics metrics = new ServiceMetrics(environment.metrics());
        rules.metrics(metrics);
        PrometheusEndpoint.register(environment);
        this.liveRules = rules;
        Classifier first = rules.current();
        LOG.info("rule set {} is live: {} rules{}", first.rulesetVersion(), first.rules().ruleNames().size(),
                rules.lastRefusal() == null ? "" : "; the rules directory was refused: " + rules.lastRefusal().reasons());
        first.rules().warnings().forEach(warning -> LOG.warn("rule warning: {}", warning));
        Path rulesDirectory = Path.of(configuration.getRules().getDirectory());
        if (configuration.getRules().isWatch()) {
            environment.lifecycle().manage(new RulesDirectoryWatcher(rules, rulesDirectory));
        }
        if (configuration.getRules().getPollActiveVersionSeconds() > 0) {
            environment.lifecycle().manage(new ActiveVersionPoller(versions, rules,
                    configuration.getRules().getPollActiveVersionSeconds()));
        }

        CustomerStore store = new CustomerStore(database.jdbi());
        ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, rules,
                environment.getObjectMapper(),
                ClassificationRuns.DEFAULT_PAGE_SIZE);
        runs.metrics(metrics);
        int interrupted = runs.markInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} classification run(s) were left unfinished by a stop; resume them with POST "
                    + "/api/v1/classification-runs/{{id}}/resume", interrupted);
        }
        ExecutorService runExecutor = environment.lifecycle().executorService("classification-runs")
                .minThreads(1).maxThreads(1).build();

        ExecutorService importExecutor = environment.lifecycle().executorService("imports")
                .minThreads(1).maxThreads(1).build();
        ImportJobs imports = new ImportJobs(configuration.getImports().importer(database.jdbi()), importExecutor,
                database.jdbi(), environment.getObjectMapper());
        imports.metrics(metrics);
        int cutOff = imports.markInterrupted();
        if (cutOff > 0) {
            LOG.warn("{} import(s) were cut off by a stop: GET /api/v1/imports lists them", cutOff);
        }

        CustomerFactsReader reader = new CustomerFactsReader();
        BatchLimit limit = new BatchLimit(configuration.getClassify().getMaxCustomersPerRequest());
        ClassifyResource classify = new ClassifyResource(rules, reader, limit, metrics);
        environment.jersey().register(classify);
        environment.lifecycle().manage(new jipan.resources.ClassifyWarmUp(classify, environment.getObjectMapper(),
                configuration.getClassify().getWarmUpCustomers()));
        environment.jersey().register(new CustomerResource(store, runs, rules, reader, limit));
        environment.jersey().register(new RulesResource(rules, versions, rulesDirectory, new RuleImpact(store),
                Path.of(fixturesFor(configuration))));
        environment.jersey().register(new ClassificationRunResource(runs, runExecutor));
        environment.jersey().register(new ImportResource(imports));
        environment.jersey().register(new jipan.resources.CallerResource());
        environment.jersey().register(new jipan.resources.CallListResource(new jipan.runs.CallLists(database.jdbi())));
        Reports reports = new Reports(database.jdbi(), Clock.systemDefaultZone());
        environment.jersey().register(new ReportResource(reports, metrics));
        environment.lifecycle().manage(new jipan.console.DashboardWarmUp(database.jdbi(), reports));
        environment.jersey().register(new ReportParameterExceptionMapper());
        environment.jersey().register(new jipan.openapi.SwaggerUi());
        environment.jersey().register(new jipan.console.ConsoleResource());
        environment.jersey().register(jipan.openapi.OpenApiDocument.of(
                java.util.Objects.requireNonNullElse(getClass().getPackage().getImplementationVersion(), "development"),
                java.util.Set.of(ClassifyResource.class, CustomerResource.class, RulesResource.class,
                        ClassificationRunResource.class, ImportResource.class, ReportResource.class,
                        jipan.resources.CallerResource.class, jipan.resources.CallListResource.class),
                () -> rules.current().rulesetVersion(), classify::answer, environment.getObjectMapper()));
        if (configuration.getAuth().getMode().equals("keys")) {
            environment.jersey().register(new ApiKeyFilter(configuration.getAuth().getKeys()));
        } else {
            environment.jersey().register(ApiKeyFilter.open());
            LOG.warn("auth: none — the API is open to anyone who can reach it; for local demos only");
        }
        // each resource method's @RolesAllowed, checked on the method Jersey matched
        environment.jersey().register(new RoleCheck());
        environment.jersey().register(new InvalidInputExceptionMapper());
        environment.jersey().register(new ErrorBodies.WebApplication());
        environment.jersey().register(new ErrorBodies.MalformedJson());
        environment.jersey().register(new ErrorBodies.Violations());
        environment.jersey().register(new jipan.resources.DateParameters());
        environment.jersey().register(new ErrorBodies.Unexpected());
        environment.jersey().register(new RuleEvaluationExceptionMapper());
        environment.healthChecks().register("rules", new RulesHealthCheck(rules));
        environment.healthChecks().register("database", new DatabaseHealthCheck(database));
    }
}
