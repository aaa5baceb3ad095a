package jipan.core;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.kie.api.KieBase;

/**
 * A rule set that compiled: its files, the engine's KieBase, the files' version, the names of its rules, the
 * compiler's warnings, which file each rule is written in (rule name → file name), and what each rule says in
 * Chinese and English ({@link RuleTexts}).
 */
public record CompiledRules(RuleFiles files, String version, KieBase kieBase, SortedSet<String> ruleNames,
                            List<RuleProblem> warnings, Map<String, String> ruleFiles, RuleTexts texts,
                            Map<String, KieBase> storeBases) {

    /** A rule set without stores' overrides: every store classifies with {@code kieBase}. */
    public CompiledRules(RuleFiles files, String version, KieBase kieBase, SortedSet<String> ruleNames,
                         List<RuleProblem> warnings, Map<String, String> ruleFiles, RuleTexts texts) {
        this(files, version, kieBase, ruleNames, warnings, ruleFiles, texts, Map.of());
    }

    /**
     * The same rules as the rule set {@code files} (its version), where each store of {@code storeBases} classifies
     * with its own rule base: the group's rules with the store's settings ({@link StoreOverrides}).
     */
    CompiledRules withStores(RuleFiles all, Map<String, KieBase> bases) {
        return new CompiledRules(all, all.version(), kieBase, ruleNames, warnings, ruleFiles, texts, Map.copyOf(bases));
    }

    /**
     * What a rule decides about, by the file it is written in: {@code tiers.drl} → {@code tiers}, {@code defeat.drl.xlsx} → {@code defeat}. The console
     * groups a customer's reasons by it.
     */
    public String topicOf(String rule) {
        String file = ruleFiles.get(rule);
        return file == null ? null : file.endsWith(DecisionTables.SUFFIX)
                ? file.substring(0, file.length() - DecisionTables.SUFFIX.length())
                : file.endsWith(".drl") ? file.substring(0, file.length() - 4) : file;
    }
}
