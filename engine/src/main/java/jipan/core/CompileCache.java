package jipan.core;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few compilations, by the rule files' whole SHA-256 digest: a rule base, or the problems that refused the files.
 * Both are pure functions of the files, so an answer kept is the answer a new compilation would give. Entries are
 * soft references (a rule base holds megabytes: the JVM may drop them under memory pressure) and at most
 * {@code size} are kept, the least recently used dropped first. Only the engine's own refusals are kept: any other
 * failure (out of memory, a crash of the compiler) is thrown and the next call compiles again.
 */
final class CompileCache {
    private record Outcome(CompiledRules rules, List<RuleProblem> problems) {
    }

    private final Map<String, SoftReference<Outcome>> recent;

    CompileCache(int size) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Outcome>> eldest) {
                return size() > size;
            }
        };
    }

    CompiledRules compile(RuleFiles files, Function<RuleFiles, CompiledRules> compiler) {
        Outcome kept = kept(files.digest());
        if (kept == null) {
            try {
                kept = new Outcome(compiler.apply(files), null);
            } catch (RuleCompilationException refused) {
                kept = new Outcome(null, refused.errors());
            }
            synchronized (recent) {
                recent.put(files.digest(), new SoftReference<>(kept));
            }
        }
        if (kept.problems() != null) {
            throw new RuleCompilationException(kept.problems());
        }
        // the same rule base, but the files as the caller named them (the digest proves the content is the same)
        return kept.rules().files() == files ? kept.rules() : new CompiledRules(files, kept.rules().version(),
                kept.rules().kieBase(), kept.rules().ruleNames(), kept.rules().warnings(), kept.rules().ruleFiles(),
                kept.rules().texts());
    }

    private Outcome kept(String digest) {
        synchronized (recent) {
            SoftReference<Outcome> reference = recent.get(digest);
            return reference == null ? null : reference.get();
        }
    }
}
