package jipan.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rule files may use: the fact model and a short allow-list of Java (java.lang basics, java.time,
 * java.math, java.util collections). Imports outside the list, and any mention of system, process, thread,
 * reflection, file, network or class-loading APIs or of the engine's runtime, are refused with the file and
 * line, before the compiler sees the file. Comments and string literals are not searched.
 */
final class RuleSandbox {
    private static final List<String> ALLOWED_IMPORTS = List.of("jipan.core.facts.", "java.time.", "java.math.",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.ArrayList",
            "java.util.HashMap", "java.util.HashSet", "java.util.Objects", "java.util.Optional",
            "java.lang.String", "java.lang.Math", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Boolean");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?(function\\s+)?([\\w.*]+)");
    private static final Map<Pattern, String> FORBIDDEN = Map.ofEntries(
            Map.entry(Pattern.compile("\\bSystem\\s*\\."), "System"),
            Map.entry(Pattern.compile("\\bRuntime\\b"), "Runtime"),
            Map.entry(Pattern.compile("\\bProcess(Builder)?\\b"), "processes"),
            Map.entry(Pattern.compile("\\bThread\\b|\\bExecutor"), "threads"),
            Map.entry(Pattern.compile("\\bClass\\s*\\.|\\bgetClass\\s*\\(|ClassLoader|\\.forName\\s*\\("), "class loading"),
            Map.entry(Pattern.compile("\\breflect\\b|\\bMethodHandle|\\bUnsafe\\b|\\bsetAccessible\\b"), "reflection"),
            Map.entry(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*reflect)\\b|\\bFiles\\s*\\.|\\bnew\\s+File\\b|\\bSocket\\b|\\bURL\\b"),
                    "files and network"),
            Map.entry(Pattern.compile("\\bkcontext\\b|\\bdrools\\s*\\.|getKieRuntime|getKnowledgeRuntime|\\bglobal\\s+\\w"),
                    "the engine's runtime"),
            Map.entry(Pattern.compile("@\\{|\\bMVEL\\b"), "MVEL escapes"));
    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    private RuleSandbox() {
    }

    static List<RuleProblem> check(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        files.files().forEach((name, text) -> check(name, text, problems));
        return problems;
    }

    private static void check(String file, String text, List<RuleProblem> problems) {
        boolean inBlockComment = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            StringBuilder code = new StringBuilder();
            String line = STRING.matcher(lines[i]).replaceAll("\"\"");
            for (int c = 0; c < line.length(); c++) {
                if (inBlockComment) {
                    if (line.startsWith("*/", c)) {
                        inBlockComment = false;
                        c++;
                    }
                } else if (line.startsWith("/*", c)) {
                    inBlockComment = true;
                    c++;
                } else if (line.startsWith("//", c)) {
                    break;
                } else {
                    code.append(line.charAt(c));
                }
            }
            String source = code.toString();
            Matcher imported = IMPORT.matcher(source);
            if (imported.find()) {
                String target = imported.group(3);
                if (ALLOWED_IMPORTS.stream().noneMatch(target::startsWith)) {
                    problems.add(new RuleProblem(file, i + 1, imported.start(3) + 1, "ERROR", "sandbox: import of "
                            + target + " is not allowed; rules may use jipan.core.facts, java.time, java.math, "
                            + "java.util collections and java.lang basics"));
                }
                continue;
            }
            for (Map.Entry<Pattern, String> forbidden : FORBIDDEN.entrySet()) {
                Matcher use = forbidden.getKey().matcher(source);
                if (use.find()) {
                    problems.add(new RuleProblem(file, i + 1, use.start() + 1, "ERROR", "sandbox: rules may not use "
                            + forbidden.getValue() + " ('" + use.group().strip() + "')"));
                }
            }
        }
    }
}
