package jipan.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jipan.api.Problem;
import jipan.api.RuleChange;
import jipan.api.RuleOutcome;
import jipan.core.Classifier;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RuleProblem;
import jipan.core.documents.InvalidInputException;
import jipan.lifecycle.RulePublisher;

/**
 * A candidate rule set as a request describes it — the live files with the request's changes — and how what became
 * of it is answered.
 */
final class Candidates {
    private Candidates() {
    }

    /** The request's change as the publisher takes it. */
    static RulePublisher.Change change(RuleChange body) {
        return new RulePublisher.Change(body.files(), body.deleted(), body.fixtures(), body.deletedFixtures());
    }

    /** The live files with the request's rule file changes applied, or 422 naming what is wrong with the change. */
    static RuleFiles files(RulePublisher publisher, RuleChange body) {
        return publisher.candidate(new RulePublisher.Change(body.files(), body.deleted(), null, null)).files();
    }

    /** The candidate compiled with the live limits, or 422 with every compile error. */
    static Classifier compiled(RulePublisher publisher, RuleChange body) {
        try {
            return publisher.live().current().withRules(new RuleCompiler().compile(files(publisher, body)));
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
