package jipan.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles rule files into a KieBase with the classic DRL compiler, which reports errors with their
 * line and column in the analyst's file (the executable model loses them).
 */
public final class RuleCompiler {
    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final String RULE_DIR = "jipan/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    public CompiledRules compile(RuleFiles ruleFiles) {
        List<RuleProblem> refused = RuleSandbox.check(ruleFiles);
        if (!refused.isEmpty()) {
            throw new RuleCompilationException(refused);
        }
        KieServices kie = KieServices.get();
        // Every build registers a KieModule in the engine's repository: a fresh release id per build,
        // removed once the KieBase exists, keeps repeated builds from piling up in memory.
        ReleaseId releaseId = kie.newReleaseId("jipan", "rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem fileSystem = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        ruleFiles.files().forEach((name, text) -> fileSystem.write(RESOURCE_ROOT + RULE_DIR + name, text));
        try {
            KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll();
            List<RuleProblem> errors = problems(builder, Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new RuleCompilationException(errors);
            }
            KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
            return new CompiledRules(ruleFiles, ruleFiles.version(), kieBase, ruleNames(kieBase),
                    problems(builder, Message.Level.WARNING));
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static List<RuleProblem> problems(KieBuilder builder, Message.Level level) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(level)) {
            String path = message.getPath() == null ? "(rule set)" : message.getPath();
            // the compiler names a file by its path in the in-memory KieModule; analysts know it by its name
            String file = path.startsWith(RULE_DIR) ? path.substring(RULE_DIR.length()) : path;
            problems.add(new RuleProblem(file, message.getLine(), message.getColumn(), level.name(),
                    message.getText().strip()));
        }
        return problems;
    }

    private static SortedSet<String> ruleNames(KieBase kieBase) {
        SortedSet<String> names = new TreeSet<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                names.add(rule.getName());
            }
        }
        return names;
    }
}
