package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.api.Problem;
import jipan.api.RuleChange;
import jipan.api.RuleOutcome;
import jipan.core.Classifier;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RuleProblem;
import jipan.core.documents.InvalidInputException;
import jipan.lifecycle.LiveRules;

/**
 * A candidate rule set as a request describes it — the live files with the request's changes — and how what became
 * of it is answered.
 */
final class Candidates {
    private Candidates() {
    }

    /** The live files with the change applied, or 422 naming what is wrong with the change. */
    static RuleFiles files(LiveRules rules, RuleChange change) {
        if (change.filesOrNone().isEmpty() && change.deletedOrNone().isEmpty()) {
            throw new InvalidInputException(List.of(
                    "files: required (the files to add or change), or deleted (the files to remove)"));
        }
        try {
            return rules.current().rules().files().withChanges(change.filesOrNone(), change.deletedOrNone());
        } catch (RuleFiles.InvalidRuleFilesException e) {
            throw new InvalidInputException(e.problems());
        }
    }

    /** The candidate compiled with the live limits, or 422 with every compile error. */
    static Classifier compiled(LiveRules rules, RuleChange change) {
        try {
            return rules.current().withRules(new RuleCompiler().compile(files(rules, change)));
        } catch (RuleCompilationException e) {
            throw new InvalidInputException(e.errors().stream().map(RuleProblem::toString).toList());
        }
    }

    /** 200 with the outcome when the candidate went live, 409 when it was refused. */
    static Response answer(RuleOutcome outcome) {
        return outcome.accepted() ? Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build()
                : refusal(409, "the rule set was refused; the live rules stay", outcome);
    }

    /** A refused candidate as a problem: every reason (file:line:column, or fixture) and both versions. */
    static Response refusal(int status, String detail, RuleOutcome outcome) {
        return Problem.invalid(status, "rules-refused", detail, outcome.errors())
                .withVersions(outcome.version(), outcome.liveVersion()).response();
    }
}
