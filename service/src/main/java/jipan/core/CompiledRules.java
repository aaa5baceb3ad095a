package jipan.core;

import java.util.List;
import java.util.SortedSet;
import org.kie.api.KieBase;

/** A rule set that compiled: the engine's KieBase, the version of its files and the names of its rules. */
public record CompiledRules(String version, KieBase kieBase, SortedSet<String> ruleNames, List<RuleProblem> warnings) {
}
