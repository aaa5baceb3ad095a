package jipan.core;

import java.util.List;
import java.util.SortedSet;
import org.kie.api.KieBase;

/** A rule set that compiled: its files, the engine's KieBase, the files' version and the names of its rules. */
public record CompiledRules(RuleFiles files, String version, KieBase kieBase, SortedSet<String> ruleNames,
                            List<RuleProblem> warnings) {
}
