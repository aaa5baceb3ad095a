package jipan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A rule change waiting for (or past) a second person's decision. {@code state}: pending, approving, scheduled,
 * going_live, live, rejected, withdrawn. {@code base} is the live version the change was made on; {@code upToDate}
 * false means the live rules moved since, and the author must bring the request up to date before it can be approved.
 * The list leaves out the evidence, the diff and the history; one request has them, and what the caller may do with
 * it ({@code mayDecide}, {@code mayWithdraw}, and why not in {@code whyNot}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishRequest(long id, String state, String author, String comment, String base, String candidate,
                             boolean upToDate, Instant effectiveAt, String decidedBy, String decisionComment,
                             Long version, Instant createdAt, Instant updatedAt, List<String> changedFiles,
                             List<String> deletedFiles, List<String> changedFixtures, RequestEvidence evidence,
                             List<RuleFileDiff> diff, List<RuleFileDiff> fixtureDiff, List<RuleActivation> history,
                             Boolean mayDecide, Boolean mayWithdraw, String whyNot) {

    /** The same request with its sentences ({@code whyNot}, why there is no backtest) said another way. */
    public PublishRequest said(java.util.function.UnaryOperator<String> language) {
        RequestEvidence told = evidence == null || evidence.backtestUnavailable() == null ? evidence
                : evidence.withBacktestUnavailable(language.apply(evidence.backtestUnavailable()));
        return new PublishRequest(id, state, author, comment, base, candidate, upToDate, effectiveAt, decidedBy,
                decisionComment, version, createdAt, updatedAt, changedFiles, deletedFiles, changedFixtures, told, diff,
                fixtureDiff, history, mayDecide, mayWithdraw, whyNot == null ? null : language.apply(whyNot));
    }
}
