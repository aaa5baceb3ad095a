package jipan;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;
import jipan.api.CustomerFactsReader;
import jipan.cli.BenchCommand;
import jipan.cli.TestRulesCommand;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.health.RulesHealthCheck;
import jipan.resources.ClassifyResource;
import jipan.resources.InvalidInputExceptionMapper;
import jipan.resources.RuleEvaluationExceptionMapper;
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

    @Override
    public void initialize(Bootstrap<JipanConfiguration> bootstrap) {
        JsonSettings.apply(bootstrap.getObjectMapper());
        bootstrap.addCommand(new TestRulesCommand());
        bootstrap.addCommand(new BenchCommand());
    }

    @Override
    public void run(JipanConfiguration configuration, Environment environment) {
        Path rulesDirectory = Path.of(configuration.getRules().getDirectory());
        CompiledRules rules = new RuleCompiler().compile(RuleFiles.readDirectory(rulesDirectory));
        LOG.info("rule set {} compiled from {}: {} rules", rules.version(), rulesDirectory.toAbsolutePath(),
                rules.ruleNames().size());
        rules.warnings().forEach(warning -> LOG.warn("rule warning: {}", warning));

        Classifier classifier = new Classifier(rules, configuration.getRules().getMaxFiringsPerCustomer());
        environment.jersey().register(new ClassifyResource(classifier, new CustomerFactsReader(),
                configuration.getClassify().getMaxCustomersPerRequest()));
        environment.jersey().register(new InvalidInputExceptionMapper());
        environment.jersey().register(new RuleEvaluationExceptionMapper());
        environment.healthChecks().register("rules", new RulesHealthCheck(classifier));
    }
}
