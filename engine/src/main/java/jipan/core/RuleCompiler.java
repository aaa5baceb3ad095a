package jipan.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns rule files into a rule base, the only way rules get into the service. In this order:
 * <ol>
 *   <li>each file is parsed on its own, so a syntax error is reported in its file and nowhere else;</li>
 *   <li>the files are compiled with the engine's executable model, which turns every constraint, consequence,
 *       function and declared type into JVM classes (the classic compiler interprets constraints with MVEL at
 *       run time, which no verifier can see);</li>
 *   <li>every one of those classes is verified by {@link RuleVerifier} against an allow-list, before any of
 *       them is loaded;</li>
 *   <li>only then is the rule base created, which is the first time code of the rules is loaded or run.</li>
 * </ol>
 * Every problem is reported at the analyst's file, line and rule.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final String RULE_DIR = "jipan/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern JAVA_PROBLEM = Pattern.compile("^(.*?)\\s*(for the type|in the type) \\S*Lambda\\w*");
    private static final Pattern QUOTED_NAME = Pattern.compile("(?:The method |The field |^)([A-Za-z_$][\\w$]*)");

    /**
     * The rule base of these files, or a {@link RuleCompilationException} with every problem. Compiling is a pure
     * function of the files (their {@link RuleFiles#version() version} hashes every name and text), so the last few
     * results are kept: a candidate validated, tested and then published, a rollback to a recent version, a reload of
     * an unchanged directory, each compile once.
     */
    public CompiledRules compile(RuleFiles ruleFiles) {
        RuleFiles rules = ruleFiles.withoutOverrides();
        if (rules == ruleFiles) {
            return RECENT.compile(ruleFiles, this::compileFresh);
        }
        // the stores' overrides: read and checked first (every problem at its line), then the group's rules, then
        // each store's copy of them with its values in place (each compiled once, and kept like any rule set)
        List<StoreOverrides.Override> overrides = StoreOverrides.read(ruleFiles);
        CompiledRules group = RECENT.compile(rules, this::compileFresh);
        Map<String, KieBase> stores = new TreeMap<>();
        StoreOverrides.storeRules(rules, overrides).forEach((store, files) ->
                stores.put(store, RECENT.compile(files, this::compileFresh).kieBase()));
        return group.withStores(ruleFiles, stores);
    }

    private static final CompileCache RECENT = new CompileCache(8);

    /** Compiled rule sets other JVMs (or this one, earlier) kept on disk. */
    private final CompiledRulesDisk disk;

    /**
     * How every rule base is made, compiled or loaded: immutable — a rule set is never changed in place (a change is
     * a new rule set), and an immutable rule base lets each pooled session keep its per-type fact stores
     * (docs/performance.md).
     */
    private static KieBaseConfiguration immutable(KieServices kie) {
        KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return configuration;
    }

    public RuleCompiler() {
        this(CompiledRulesDisk.DEFAULT);
    }

    /** A compiler that keeps and finds compiled rule sets in {@code disk}. */
    RuleCompiler(CompiledRulesDisk disk) {
        this.disk = disk;
    }

    /** Compiles the files, or loads them from the disk, without the last few results kept in memory. */
    CompiledRules compileFresh(RuleFiles ruleFiles) {
        // Decision tables become DRL first (the engine's spreadsheet compiler); from there on they are rule files
        // like any other, and every problem found in their DRL is put back at the sheet and cell it came from.
        Map<String, DecisionTables.Generated> tables = new TreeMap<>();
        List<RuleProblem> tableProblems = new ArrayList<>();
        Map<String, String> drl = new TreeMap<>(ruleFiles.files());
        ruleFiles.files().forEach((name, text) -> {
            if (DecisionTables.isTable(name) && RuleFiles.isValidName(name)) {
                try {
                    DecisionTables.Generated generated = DecisionTables.generate(name, text);
                    tables.put(name, generated);
                    drl.put(name, generated.drl());
                } catch (RuleCompilationException e) {
                    tableProblems.addAll(e.errors());
                }
            }
        });
        if (!tableProblems.isEmpty()) {
            throw new RuleCompilationException(tableProblems);
        }
        try {
            return compileDrl(ruleFiles, tables.isEmpty() ? ruleFiles : new RuleFiles(drl), tables);
        } catch (RuleCompilationException e) {
            throw tables.isEmpty() ? e : new RuleCompilationException(inTables(e.errors(), tables));
        }
    }

    /** Problems in the DRL of a decision table, named at the table's sheet and cell. */
    private static List<RuleProblem> inTables(List<RuleProblem> problems, Map<String, DecisionTables.Generated> tables) {
        List<RuleProblem> located = new ArrayList<>();
        for (RuleProblem problem : problems) {
            DecisionTables.Generated table = tables.get(problem.file());
            located.add(table == null || problem.cell() != null ? problem
                    : table.locate(problem, codeWords(problem.message())));
        }
        return located;
    }

    /** The names in a problem's message, without the rule it names (a row's name is in its own cell). */
    private static List<String> codeWords(String message) {
        return RuleSources.namesIn(message.replaceFirst("^in (rule|function|declared type|declared enum) '[^']*': ", ""));
    }

    /** The DRL a decision table generates (what the console shows beside the table), or its problems. */
    public static String drlOf(String file, String stored) {
        return DecisionTables.generate(file, stored).drl();
    }

    private CompiledRules compileDrl(RuleFiles ruleFiles, RuleFiles drlFiles, Map<String, DecisionTables.Generated> tables) {
        RuleSources sources = RuleSources.parse(drlFiles);
        KieServices kie = KieServices.get();
        String key = disk.key(drlFiles);
        Optional<CompiledRules> kept = disk.read(key).flatMap(module -> load(kie, ruleFiles, drlFiles, sources, disk,
                key, module));
        if (kept.isPresent()) {
            return kept.get();
        }
        Build build = build(kie, drlFiles);
        try {
            if (build.crash() != null) {
                throw new RuleCompilationException(List.of(locateCrash(kie, sources, build.crash())));
            }
            List<RuleProblem> errors = problems(kie, sources, build.builder(), Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new RuleCompilationException(errors);
            }
            Map<String, byte[]> classes = classFiles((InternalKieModule) build.builder().getKieModule());
            List<RuleVerifier.Violation> violations = RuleVerifier.verify(classes);
            if (!violations.isEmpty()) {
                throw new RuleCompilationException(sources.locate(violations, classes));
            }
            // The first moment any class of the rules is loaded: everything above only read their bytes.
            KieBase kieBase = kie.newKieContainer(build.releaseId()).newKieBase(immutable(kie));
            RuleTexts texts = RuleTexts.of(kieBase);
            List<RuleProblem> textProblems = textProblems(texts, drlFiles, sources.ruleFiles());
            if (!textProblems.isEmpty()) {
                throw new RuleCompilationException(textProblems);
            }
            List<RuleProblem> warnings = inTables(problems(kie, sources, build.builder(), Message.Level.WARNING), tables);
            if (warnings.isEmpty()) { // a rule set with warnings is compiled each time: they are shown again
                disk.write(key, ((InternalKieModule) build.builder().getKieModule()).getBytes());
            }
            return new CompiledRules(ruleFiles, ruleFiles.version(), kieBase, ruleNames(kieBase), warnings,
                    Map.copyOf(sources.ruleFiles()), texts);
        } finally {
            build.remove(kie);
        }
    }

    /** Loads of kept modules one at a time: each is registered under the release it was built as. */
    private static final Object LOADS = new Object();

    /**
     * A kept module made a rule base as a fresh compilation would be — its classes verified first, and nothing of
     * it loaded before — or empty (and the entry removed) when it does not verify or load: the files are then
     * compiled.
     */
    static Optional<CompiledRules> load(KieServices kie, RuleFiles ruleFiles, RuleFiles drlFiles, RuleSources sources,
                                        CompiledRulesDisk disk, String key, byte[] module) {
        try {
            Map<String, byte[]> classes = CompiledRulesDisk.classes(module);
            if (classes.isEmpty() || !RuleVerifier.verify(classes).isEmpty()) {
                LOG.warn("kept compiled rules {} do not verify: removed, the rules are compiled", key);
                disk.forget(key);
                return Optional.empty();
            }
            String[] release = CompiledRulesDisk.releaseId(module);
            ReleaseId releaseId = kie.newReleaseId(release[0], release[1], release[2]);
            KieModuleModel model = kie.newKieModuleModel();
            model.newKieBaseModel("defaultKieBase").setDefault(true).newKieSessionModel("defaultKieSession")
                    .setDefault(true);
            KieBase kieBase;
            synchronized (LOADS) {
                Path copy = disk.copy(module); // the verified bytes, in a file only this load reads
                try {
                    kie.getRepository().addKieModule(new CanonicalKieModule(releaseId, model, copy.toFile()));
                    kieBase = kie.newKieContainer(releaseId).newKieBase(immutable(kie));
                } finally {
                    kie.getRepository().removeKieModule(releaseId);
                    Files.deleteIfExists(copy);
                }
            }
            RuleTexts texts = RuleTexts.of(kieBase);
            if (!textProblems(texts, drlFiles, sources.ruleFiles()).isEmpty()) {
                disk.forget(key);
                return Optional.empty();
            }
            return Optional.of(new CompiledRules(ruleFiles, ruleFiles.version(), kieBase, ruleNames(kieBase),
                    List.of(), Map.copyOf(sources.ruleFiles()), texts));
        } catch (IOException | RuntimeException e) {
            LOG.warn("kept compiled rules {} could not be loaded ({}): removed, the rules are compiled", key,
                    e.toString());
            disk.forget(key);
            return Optional.empty();
        }
    }

    /**
     * The problems of the rules' Chinese and English texts ({@link RuleTexts#check}), each at the line of the rule's
     * {@code @key(…)} in its file (a decision table's are put at their cell by the caller).
     */
    private static List<RuleProblem> textProblems(RuleTexts texts, RuleFiles drlFiles, Map<String, String> ruleFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleTexts.Problem problem : texts.check()) {
            String file = ruleFiles.getOrDefault(problem.rule(), "(rule set)");
            String text = drlFiles.files().getOrDefault(file, "");
            String[] lines = text.split("\n", -1);
            int line = 0;
            int column = 0;
            boolean inRule = false;
            for (int i = 0; i < lines.length && line == 0; i++) {
                if (lines[i].strip().startsWith("rule ") && lines[i].contains("\"" + problem.rule() + "\"")) {
                    inRule = true;
                    line = lines[i].contains("@" + problem.key() + "(") ? i + 1 : 0;
                } else if (inRule && lines[i].contains("@" + problem.key() + "(")) {
                    line = i + 1;
                }
                if (line > 0) {
                    column = lines[i].indexOf("@" + problem.key() + "(") + 1;
                }
            }
            problems.add(new RuleProblem(file, line, column, "ERROR", "in rule '" + problem.rule() + "': @"
                    + problem.key() + ": " + problem.message()));
        }
        return problems;
    }

    /** One compilation: the builder and its module, or what the compiler threw. Nothing of it has been loaded. */
    private record Build(ReleaseId releaseId, KieBuilder builder, RuntimeException crash) {
        boolean failed() {
            return crash != null || builder.getResults().hasMessages(Message.Level.ERROR);
        }

        void remove(KieServices kie) {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static Build build(KieServices kie, RuleFiles ruleFiles) {
        // Every build registers a KieModule in the engine's repository: a fresh release id per build,
        // removed once the KieBase exists, keeps repeated builds from piling up in memory.
        // the process in the version too: a module another JVM kept on disk is loaded under the release it was built
        // as, which then never equals one built here
        ReleaseId releaseId = kie.newReleaseId("jipan", "rules", "1.0." + BUILDS.incrementAndGet() + "-"
                + ProcessHandle.current().pid());
        KieFileSystem fileSystem = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        // a decision table's DRL is written as DRL (the engine would read a .xlsx name as a workbook)
        ruleFiles.files().forEach((name, text) -> fileSystem.write(RESOURCE_ROOT + RULE_DIR + name
                + (DecisionTables.isTable(name) ? RuleFiles.DRL : ""), text));
        KieBuilder builder = kie.newKieBuilder(fileSystem);
        try {
            builder.buildAll(ExecutableModelProject.class);
            return new Build(releaseId, builder, null);
        } catch (RuntimeException e) {
            // the compiler throws instead of reporting for some type errors (e.g. an int field == "x")
            return new Build(releaseId, builder, e);
        }
    }

    private static Map<String, byte[]> classFiles(InternalKieModule module) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            }
        }
        return classes;
    }

    private static List<RuleProblem> problems(KieServices kie, RuleSources sources, KieBuilder builder,
                                              Message.Level level) {
        List<Message> messages = builder.getResults().getMessages(level);
        Map<String, String> generatedSources = new HashMap<>();
        for (Message message : messages) {
            if (message.getText().startsWith("Java source of ")) {
                String text = message.getText();
                generatedSources.put(message.getPath(), text.substring(text.indexOf('\n') + 1));
            }
        }
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        List<Message> unlocated = new ArrayList<>();
        for (Message message : messages) {
            String path = message.getPath() == null ? "" : message.getPath();
            String text = message.getText().strip();
            if (text.startsWith("Java source of ") || text.startsWith("Parser returned a null Package")) {
                continue;
            }
            RuleProblem problem;
            if (path.startsWith(RULE_DIR) && path.endsWith(RuleFiles.DRL) && message.getLine() > 0) {
                String file = sourceName(path);
                RuleSources.Part part = sources.partAt(file, message.getLine());
                problem = part == null || level != Message.Level.ERROR
                        ? new RuleProblem(file, message.getLine(), Math.max(message.getColumn(), 1), level.name(), text)
                        : sources.at(part, RuleSources.namesIn(text), text);
            } else if (path.endsWith(".java") && generatedSources.containsKey(path)) {
                problem = inGeneratedJava(sources, generatedSources.get(path), message, level);
            } else if (level == Message.Level.ERROR) {
                unlocated.add(message);
                continue;
            } else {
                problem = new RuleProblem(path.startsWith(RULE_DIR) ? sourceName(path) : "(rule set)",
                        Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0), level.name(), text);
            }
            problems.putIfAbsent(problem.toString(), problem);
        }
        for (Message message : unlocated) {
            String text = message.getText().strip();
            RuleProblem problem = isolate(kie, sources, text, RuleSources.namesIn(text), fileOf(message));
            problems.putIfAbsent(problem.toString(), problem);
        }
        return List.copyOf(problems.values());
    }

    private static String fileOf(Message message) {
        String path = message.getPath();
        return path != null && path.startsWith(RULE_DIR) ? sourceName(path) : null;
    }

    /** The rule file a path of the build came from ({@code jipan/rules/defeat.drl.xlsx.drl} → {@code defeat.drl.xlsx}). */
    private static String sourceName(String path) {
        String name = path.substring(RULE_DIR.length());
        return name.endsWith(DecisionTables.SUFFIX + RuleFiles.DRL) ? name.substring(0, name.length() - RuleFiles.DRL.length())
                : name;
    }

    /** An error in the Java the compiler generated from a rule: named in the rule it came from. */
    private static RuleProblem inGeneratedJava(RuleSources sources, String javaSource, Message message,
                                               Message.Level level) {
        String[] lines = javaSource.split("\n", -1);
        String line = message.getLine() >= 1 && message.getLine() <= lines.length ? lines[message.getLine() - 1] : "";
        Matcher cleaned = JAVA_PROBLEM.matcher(message.getText().strip());
        String text = cleaned.find() ? cleaned.group(1) : message.getText().strip();
        Matcher name = QUOTED_NAME.matcher(text);
        String word = name.find() ? name.group(1) : null;
        RuleSources.Part rule = sources.closestRule(line.isBlank() ? javaSource : line);
        if (rule == null) {
            return new RuleProblem("(rule set)", 0, 0, level.name(), text);
        }
        RuleProblem located = sources.at(rule, word == null ? List.of() : List.of(word), text);
        return new RuleProblem(located.file(), located.line(), located.column(), level.name(), located.message());
    }

    /** The compiler threw: find the rule it threw on, by compiling halves of the rules. */
    private static RuleProblem locateCrash(KieServices kie, RuleSources sources, RuntimeException crash) {
        String what = crash.getMessage() == null || crash.getMessage().isBlank()
                ? crash.getClass().getSimpleName() : crash.getClass().getSimpleName() + ": " + crash.getMessage();
        return isolate(kie, sources, "the rule compiler failed on this rule (" + what + "); check the types in its "
                + "constraints (a number compared with text, a date with a number)", List.of(), null);
    }

    /**
     * A problem the compiler reports without a line: compile smaller parts of the rule set (every rule outside
     * the part blanked out, functions and declared types kept) until one rule alone shows it.
     */
    private static RuleProblem isolate(KieServices kie, RuleSources sources, String message, List<String> words,
                                       String file) {
        List<RuleSources.Part> range = sources.rules().stream()
                .filter(rule -> file == null || rule.file().equals(file)).toList();
        while (range.size() > 1) {
            List<RuleSources.Part> half = range.subList(0, range.size() / 2);
            range = fails(kie, sources, half) ? half : range.subList(range.size() / 2, range.size());
        }
        if (range.size() == 1 && fails(kie, sources, range)) {
            return sources.at(range.get(0), words, message);
        }
        return new RuleProblem(file == null ? "(rule set)" : file, 0, 0, "ERROR", message);
    }

    private static boolean fails(KieServices kie, RuleSources sources, List<RuleSources.Part> keep) {
        Build build = build(kie, sources.keepingOnly(Set.copyOf(keep)));
        try {
            return build.failed();
        } finally {
            build.remove(kie);
        }
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
