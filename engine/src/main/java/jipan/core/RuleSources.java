package jipan.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The rule files as the DRL parser sees them, one file at a time: where each rule, function and declared
 * type starts and ends. Used to report syntax errors per file (one file's error never cascades into the
 * others), and to put every later problem — a compile error in generated code, a refused call found in the
 * compiled classes — back at the file, line and rule an analyst wrote.
 */
final class RuleSources {
    /** The package every rule file declares: its generated classes live there and nowhere else. */
    static final String PACKAGE = "jipan.rules";

    /** Full-width and typographic characters a Chinese input method types in place of DRL punctuation. */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('；', ";"), Map.entry('，', ","), Map.entry('（', "("), Map.entry('）', ")"),
            Map.entry('：', ":"), Map.entry('＝', "="), Map.entry('“', "\""), Map.entry('”', "\""),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('。', "."), Map.entry('【', "["),
            Map.entry('】', "]"), Map.entry('｛', "{"), Map.entry('｝', "}"), Map.entry('＜', "<"),
            Map.entry('＞', ">"), Map.entry('！', "!"), Map.entry('＋', "+"), Map.entry('－', "-"),
            Map.entry('＄', "$"), Map.entry('　', "a space"));
    /** A written-out value: text in quotes, a number, true or false. */
    private static final Pattern LITERAL = Pattern.compile("\\s*(\"([^\"\\\\]|\\\\.)*\"|-?\\d+(\\.\\d+)?|true|false)\\s*");
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect", "enabled", "date-effective",
            "date-expires");
    private static final Pattern END = Pattern.compile("\\s*end\\b.*");
    private static final Pattern PARSER_POSITION = Pattern.compile("(?:\\[ERR \\d+\\] )?Line (\\d+):(\\d+) ");

    /** One rule, function or declared type: where it is and what it is called. */
    record Part(String kind, String name, String file, int line, int endLine) {
        String describe() {
            return kind + " '" + name + "'";
        }
    }

    private final RuleFiles files;
    private final List<Part> parts;
    private final Map<String, Part> rulesByName = new HashMap<>();

    /** Which file each rule is written in: rule name → file name. */
    Map<String, String> ruleFiles() {
        Map<String, String> files = new HashMap<>();
        parts.stream().filter(part -> part.kind().equals("rule")).forEach(part -> files.put(part.name(), part.file()));
        return files;
    }

    private RuleSources(RuleFiles files, List<Part> parts) {
        this.files = files;
        this.parts = parts;
        parts.stream().filter(part -> part.kind().equals("rule")).forEach(part -> rulesByName.put(part.name(), part));
    }

    /** Parses every file on its own; syntax errors of every file are reported together, each in its own file. */
    static RuleSources parse(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        files.files().forEach((file, text) -> {
            if (!RuleFiles.isValidName(file)) {
                problems.add(new RuleProblem(file.length() > 100 ? file.substring(0, 100) + "…" : file, 0, 0, "ERROR",
                        RuleFiles.NAME_RULE));
                return;
            }
            DrlParser parser = new DrlParser();
            PackageDescr descr;
            try {
                descr = parser.parse(false, text);
            } catch (DroolsParserException | RuntimeException e) {
                problems.add(new RuleProblem(file, 1, 0, "ERROR", "the file cannot be read as DRL: " + e.getMessage()));
                return;
            }
            if (parser.hasErrors() || descr == null) {
                for (DroolsError error : parser.getErrors()) {
                    problems.add(syntaxProblem(file, text, error));
                }
                if (parser.getErrors().isEmpty()) {
                    problems.add(new RuleProblem(file, 1, 0, "ERROR", "the file cannot be read as DRL"));
                }
                return;
            }
            if (!PACKAGE.equals(descr.getName())) {
                problems.add(new RuleProblem(file, lineOf(text, "package "), 1, "ERROR", "a rule file must start with "
                        + "'package " + PACKAGE + ";' (it says " + (descr.getName() == null || descr.getName().isEmpty()
                        ? "no package" : "'package " + descr.getName() + "'") + ")"));
            }
            for (RuleDescr rule : descr.getRules()) {
                parts.add(part("rule", rule.getName(), file, rule));
                checkAnnotations(file, text, rule, "rule '" + rule.getName() + "'", problems);
                checkAttributes(file, text, rule, problems);
            }
            for (TypeDeclarationDescr type : descr.getTypeDeclarations()) {
                checkAnnotations(file, text, type, "declared type '" + type.getTypeName() + "'", problems);
                type.getFields().values().forEach(field -> checkAnnotations(file, text, field,
                        "declared type '" + type.getTypeName() + "'", problems));
            }
            descr.getEnumDeclarations().forEach(type -> checkAnnotations(file, text, type,
                    "declared enum '" + type.getTypeName() + "'", problems));
            for (FunctionDescr function : descr.getFunctions()) {
                parts.add(part("function", function.getName(), file, function));
            }
            for (TypeDeclarationDescr type : descr.getTypeDeclarations()) {
                parts.add(part("declared type", type.getTypeName(), file, type));
            }
            descr.getEnumDeclarations().forEach(type -> parts.add(part("declared enum", type.getTypeName(), file, type)));
        });
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new RuleSources(files, fillEndLines(parts, files));
    }

    /**
     * The engine's compiler evaluates annotation values (rule metadata such as {@code @owner(...)}) while it
     * builds, before there are classes to verify: they may only be written-out values.
     */
    private static void checkAnnotations(String file, String text, AnnotatedBaseDescr descr, String where,
                                         List<RuleProblem> problems) {
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            for (Object value : annotation.getValueMap().values()) {
                if (value != null && !LITERAL.matcher(value.toString()).matches()) {
                    problems.add(new RuleProblem(file, lineFrom(text, Math.max(descr.getLine(), 1), "@" + annotation.getName()),
                            1, "ERROR", "in " + where + ": the value of @" + annotation.getName() + " must be written out "
                            + "(text in quotes, a number, true or false), not computed"));
                }
            }
        }
    }

    /** Rule attributes the service supports, each with a written-out value. */
    private static void checkAttributes(String file, String text, RuleDescr rule, List<RuleProblem> problems) {
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            String problem = null;
            if (!ATTRIBUTES.contains(attribute.getName())) {
                problem = "rules may not use the attribute '" + attribute.getName() + "' (allowed: "
                        + String.join(", ", new TreeSet<>(ATTRIBUTES)) + ")";
            } else if (attribute.getName().equals("salience") && !value.matches("-?\\d{1,6}")) {
                problem = "salience must be a whole number written out (e.g. salience -10), not computed";
            } else if (!LITERAL.matcher(value).matches() && !value.matches("[\\w.-]*")) {
                problem = "the value of " + attribute.getName() + " must be written out, not computed";
            }
            if (problem != null) {
                problems.add(new RuleProblem(file, lineFrom(text, Math.max(rule.getLine(), 1) + 1, attribute.getName()), 1,
                        "ERROR", "in rule '" + rule.getName() + "': " + problem));
            }
        }
    }

    private static int lineFrom(String text, int from, String word) {
        String[] lines = text.split("\n", -1);
        for (int i = from; i <= lines.length; i++) {
            if (lines[i - 1].contains(word)) {
                return i;
            }
        }
        return from;
    }

    private static Part part(String kind, String name, String file, BaseDescr descr) {
        return new Part(kind, name, file, Math.max(descr.getLine(), 1), descr.getEndLine());
    }

    /**
     * Where each part ends: a rule or declared type at its {@code end} line, anything else (or a part whose
     * {@code end} cannot be found) where the next part of its file starts. The parser's own end lines are not
     * reliable for this.
     */
    private static List<Part> fillEndLines(List<Part> parts, RuleFiles files) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        List<Part> filled = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Part part = sorted.get(i);
            String[] lines = files.files().get(part.file()).split("\n", -1);
            boolean nextInFile = i + 1 < sorted.size() && sorted.get(i + 1).file().equals(part.file());
            int limit = nextInFile ? sorted.get(i + 1).line() - 1 : lines.length;
            int end = limit;
            if (!part.kind().equals("function")) {
                for (int at = part.line() + 1; at <= limit; at++) {
                    if (END.matcher(lines[at - 1]).matches()) {
                        end = at;
                        break;
                    }
                }
            }
            filled.add(new Part(part.kind(), part.name(), part.file(), part.line(), Math.max(end, part.line())));
        }
        return filled;
    }

    private static RuleProblem syntaxProblem(String file, String text, DroolsError error) {
        int line = error instanceof ParserError parserError ? parserError.getRow() : 0;
        int column = error instanceof ParserError parserError ? parserError.getCol() : 0;
        String message = PARSER_POSITION.matcher(error.getMessage()).replaceFirst("");
        String[] lines = text.split("\n", -1);
        // The parser often stops a line or two after a look-alike character: name it where it is.
        for (int at = Math.max(1, line - 2); at <= Math.min(lines.length, Math.max(line, 1)); at++) {
            // a comment or a text in quotes may hold Chinese punctuation (a rule's @zh sentence, a setting's
            // // zh: explanation): only code is searched
            String source = codeOf(lines[at - 1]);
            for (int c = 0; c < source.length(); c++) {
                String meant = LOOK_ALIKES.get(source.charAt(c));
                if (meant != null) {
                    return new RuleProblem(file, at, c + 1, "ERROR", String.format(
                            "the full-width or typographic character '%s' (U+%04X) is not DRL: type %s with the "
                                    + "input method in English mode (the parser said: %s)",
                            source.charAt(c), (int) source.charAt(c), meant.length() == 1 ? "'" + meant + "'" : meant,
                            message));
                }
            }
        }
        return new RuleProblem(file, Math.max(line, 1), column + 1, "ERROR", message);
    }

    /** A line with its texts in quotes and its {@code //} comment blanked out, columns kept. */
    static String codeOf(String line) {
        StringBuilder code = new StringBuilder(line.length());
        boolean quoted = false;
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (!quoted && ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                code.append(" ".repeat(line.length() - c));
                break;
            }
            if (ch == '"' && (c == 0 || line.charAt(c - 1) != '\\')) {
                quoted = !quoted;
                code.append(ch);
            } else {
                code.append(quoted ? ' ' : ch);
            }
        }
        return code.toString();
    }

    static int lineOf(String text, String word) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(word)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The rule, function or declared type that covers {@code line} of {@code file}, or null. */
    Part partAt(String file, int line) {
        return parts.stream().filter(part -> part.file().equals(file) && part.line() <= line && line <= part.endLine())
                .findFirst().orElse(null);
    }

    /** The names a compiler message mentions, longest first: the one the analyst wrote is usually among them. */
    static List<String> namesIn(String message) {
        Set<String> names = new LinkedHashSet<>();
        Matcher word = Pattern.compile("[A-Za-z_$][\\w$]{2,}").matcher(message);
        while (word.find()) {
            names.add(word.group());
        }
        return names.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    List<Part> rules() {
        return parts.stream().filter(part -> part.kind().equals("rule")).toList();
    }

    /** The files with every rule outside {@code keep} blanked out (line numbers stay the same). */
    RuleFiles keepingOnly(Set<Part> keep) {
        SortedMap<String, String> kept = new TreeMap<>();
        files.files().forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (Part rule : rules()) {
                if (rule.file().equals(file) && !keep.contains(rule)) {
                    for (int i = rule.line(); i <= Math.min(rule.endLine(), lines.length); i++) {
                        lines[i - 1] = "";
                    }
                }
            }
            kept.put(file, String.join("\n", lines));
        });
        return new RuleFiles(kept);
    }

    /** A problem in {@code part}, at the first line of it that mentions one of {@code words}. */
    RuleProblem at(Part part, List<String> words, String message) {
        String[] lines = files.files().get(part.file()).split("\n", -1);
        int end = Math.min(part.endLine(), lines.length);
        for (String word : words) {
            if (word == null || word.isBlank()) {
                continue;
            }
            Pattern pattern = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
            // the body first: a rule's name on its first line often repeats the word
            for (int step = 1; step <= end - part.line() + 1; step++) {
                int i = step == end - part.line() + 1 ? part.line() : part.line() + step;
                Matcher found = pattern.matcher(lines[i - 1]);
                if (found.find()) {
                    return new RuleProblem(part.file(), i, found.start() + 1, "ERROR",
                            "in " + part.describe() + ": " + message);
                }
            }
        }
        return new RuleProblem(part.file(), part.line(), 1, "ERROR", "in " + part.describe() + ": " + message);
    }

    /** Puts each refusal of the verifier back where it was written. */
    List<RuleProblem> locate(List<RuleVerifier.Violation> violations, Map<String, byte[]> classFiles) {
        Map<String, Part> owners = owners(classFiles);
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        for (RuleVerifier.Violation violation : violations) {
            String outer = violation.className().contains("$")
                    ? violation.className().substring(0, violation.className().indexOf('$')) : violation.className();
            Part part = owners.getOrDefault(violation.className(), owners.get(outer));
            if (part == null && violation.method() != null) {
                part = owners.get(violation.className() + "." + violation.method());
            }
            if (part == null) {
                part = find("declared type", simpleName(violation.className()));
            }
            if (part == null && violation.method() != null) {
                part = find("function", violation.method());
            }
            RuleProblem problem = part == null
                    ? new RuleProblem("(rule set)", 0, 0, "ERROR", violation.message())
                    : at(part, searchWords(violation.member()), violation.message());
            problems.putIfAbsent(problem.toString(), problem);
        }
        return List.copyOf(problems.values());
    }

    private static List<String> searchWords(String member) {
        if (member.equals("loop")) {
            return List.of("for", "while", "do");
        }
        if (member.startsWith("new [")) {
            return List.of("new");
        }
        List<String> words = new ArrayList<>();
        int dot = member.lastIndexOf('.');
        words.add(member.substring(dot + 1));
        if (dot > 0) {
            words.add(member.substring(0, dot));
        }
        return words;
    }

    private Part find(String kind, String name) {
        return parts.stream().filter(part -> part.kind().startsWith(kind) && part.name().equals(name))
                .findFirst().orElse(null);
    }

    /**
     * Which rule each generated class belongs to. The compiler writes one method per rule that names the rule
     * and refers to the classes of its constraints and consequence; those classes carry no name of their own.
     */
    private Map<String, Part> owners(Map<String, byte[]> classFiles) {
        Map<String, Part> owners = new HashMap<>();
        Map<String, Part> byClassPrefix = new HashMap<>();
        rules().forEach(rule -> byClassPrefix.put("Rule_" + rule.name().replaceAll("[^A-Za-z0-9]", "_"), rule));
        for (byte[] bytes : classFiles.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            // code the compiler writes per rule outside lambdas (an accumulate's init/action/result) is named after it
            String simple = simpleName(node.name);
            byClassPrefix.forEach((prefix, rule) -> {
                if (simple.startsWith(prefix) && (!owners.containsKey(node.name)
                        || prefix.length() > ("Rule_" + owners.get(node.name).name()).length())) {
                    owners.put(node.name, rule);
                }
            });
            for (MethodNode method : node.methods) {
                Part rule = null;
                List<String> referenced = new ArrayList<>();
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text && rulesByName.containsKey(text)) {
                        rule = rule == null ? rulesByName.get(text) : rule;
                    } else if (insn instanceof FieldInsnNode field) {
                        referenced.add(field.owner);
                    } else if (insn instanceof TypeInsnNode type) {
                        referenced.add(type.desc);
                    } else if (insn instanceof MethodInsnNode call) {
                        referenced.add(call.owner);
                    }
                }
                if (rule != null) {
                    owners.put(node.name + "." + method.name, rule);
                    for (String name : referenced) {
                        if (name.startsWith("jipan/rules/P") && !owners.containsKey(name)) {
                            owners.put(name, rule);
                        }
                    }
                }
            }
        }
        return owners;
    }

    /** The rule whose consequence or constraints share the most names with a piece of generated Java. */
    Part closestRule(String generatedJava) {
        Set<String> generated = identifiers(generatedJava);
        Part best = null;
        double bestScore = 0;
        for (Part rule : rules()) {
            String[] lines = files.files().get(rule.file()).split("\n", -1);
            StringBuilder text = new StringBuilder();
            for (int i = rule.line(); i <= Math.min(rule.endLine(), lines.length); i++) {
                text.append(lines[i - 1]).append('\n');
            }
            Set<String> written = identifiers(text.toString());
            long shared = generated.stream().filter(written::contains).count();
            double score = shared / (double) Math.max(1, generated.size());
            if (score > bestScore) {
                bestScore = score;
                best = rule;
            }
        }
        return best;
    }

    private static Set<String> identifiers(String text) {
        Set<String> names = new HashSet<>();
        Matcher word = Pattern.compile("[A-Za-z_$][\\w$]*").matcher(text);
        while (word.find()) {
            names.add(word.group());
        }
        names.removeAll(Set.of("drools", "insert", "new", "return", "this", "String", "format", "public", "void",
                "execute", "throws", "java", "lang", "Exception", "org", "model", "Drools", "boolean", "test"));
        return names;
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
