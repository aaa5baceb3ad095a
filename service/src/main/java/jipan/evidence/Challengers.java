package jipan.evidence;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import jipan.db.Columns;
import jipan.api.Challenger;
import jipan.core.Classifier;
import jipan.core.RuleFiles;
import jipan.db.EvidenceDao;
import jipan.lifecycle.RuleVersions;
import jipan.reports.ReportParameterException;
import org.jdbi.v3.core.Jdbi;

/**
 * The challenger (docs/domain.md §6.6): a stored rule version an analyst names, which every classification run also
 * classifies with, its answers stored apart. It is named in the store, so every instance sharing it uses the same
 * one; each compiles it once, when it first needs it.
 */
public final class Challengers {
    private final Jdbi jdbi;
    private final RuleVersions versions;
    private final Function<RuleFiles, Classifier> compile;
    /** The last challenger compiled here, by its version's seq. */
    private final AtomicReference<Compiled> compiled = new AtomicReference<>();

    private record Compiled(long seq, Classifier classifier) {
    }

    public Challengers(Jdbi jdbi, RuleVersions versions, Function<RuleFiles, Classifier> compile) {
        this.jdbi = jdbi;
        this.versions = versions;
        this.compile = compile;
    }

    /** The challenger named now, if any. */
    public Optional<Challenger> current() {
        return jdbi.withExtension(EvidenceDao.class, EvidenceDao::challenger).map(row -> new Challenger(row.seq(),
                classifier(row.seq()).rulesetVersion(), row.namedBy(), row.namedAt()));
    }

    /** Names stored version {@code seq} the challenger, replacing any other; 404 when there is no such version. */
    public Challenger name(long seq, String by) {
        Classifier classifier = classifier(seq); // compiled before it is named: a run never meets one that fails
        String who = Columns.clip(by, 100);
        jdbi.useTransaction(handle -> {
            EvidenceDao dao = handle.attach(EvidenceDao.class);
            dao.clearChallenger();
            dao.insertChallenger(seq, who);
        });
        return current().orElseThrow(() -> new IllegalStateException("challenger " + seq + " (" +
                classifier.rulesetVersion() + ") was named but cannot be read back"));
    }

    /** No challenger any more; false when none was named. */
    public boolean clear() {
        return jdbi.withExtension(EvidenceDao.class, EvidenceDao::clearChallenger) > 0;
    }

    /** The challenger's rules compiled, if one is named: what a run classifies with beside its own rules. */
    public Optional<Classifier> classifier() {
        return jdbi.withExtension(EvidenceDao.class, EvidenceDao::challenger).map(row -> classifier(row.seq()));
    }

    private Classifier classifier(long seq) {
        Compiled last = compiled.get();
        if (last != null && last.seq() == seq) {
            return last.classifier();
        }
        RuleFiles files = versions.files(seq).orElseThrow(() ->
                ReportParameterException.unknown("seq: no stored rule version " + seq));
        Classifier classifier = compile.apply(files);
        compiled.set(new Compiled(seq, classifier));
        return classifier;
    }
}
