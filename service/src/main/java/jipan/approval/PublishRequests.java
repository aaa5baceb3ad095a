package jipan.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jipan.api.PublishRequest;
import jipan.api.RequestEvidence;
import jipan.api.RuleFileDiff;
import jipan.api.RuleOutcome;
import jipan.core.RuleFiles;
import jipan.core.scenarios.FixtureFiles;
import jipan.db.PublishRequestDao;
import jipan.db.Columns;
import jipan.db.PublishRequestDao.RequestRow;
import jipan.lifecycle.RulePublisher;
import jipan.lifecycle.RuleVersions;
import jipan.webhooks.Events;
import jipan.webhooks.WebhookEvent;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four eyes on rule changes. A change becomes a publish request carrying its evidence; another person approves it
 * (now, or for an effective time) or rejects it, and its author may withdraw it or bring it up to date with the live
 * rules. Only {@link RulePublisher} makes it live, through the gate again, and only if the live rules are still the
 * ones it was made on. Every step is in the activation log. Who may decide is decided here, on the person: the author's
 * own key and any other key the same person holds are refused.
 */
public final class PublishRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PublishRequests.class);
    private static final TypeReference<TreeMap<String, String>> TEXTS = new TypeReference<>() { };
    private static final int LISTED = 200;
    /** A decision or go-live an instance began and did not finish within this long: that instance stopped. */
    static final Duration STUCK = Duration.ofMinutes(2);
    /** How far ahead an approval may set the effective time. */
    static final Duration FURTHEST = Duration.ofDays(366);
    /** How long before its effective time a scheduled request is compiled on every instance. */
    private static final Duration PREPARE_AHEAD = Duration.ofMinutes(2);
    /** How long an instance that did not take a scheduled request waits for the one that did. */
    private static final Duration FOLLOW_WAIT = Duration.ofSeconds(60);

    /** Where a request is. */
    public enum State {
        PENDING, APPROVING, SCHEDULED, GOING_LIVE, LIVE, REJECTED, WITHDRAWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The steps of a request as the activation log names them. */
    static final String MADE = "request_made";
    static final String UPDATED = "request_updated";
    static final String APPROVED = "request_approved";
    static final String REJECTED = "request_rejected";
    static final String WITHDRAWN = "request_withdrawn";
    static final String REFUSED = "request_refused";

    /** Who acts: the key's name and the person holding it. */
    public record Actor(String key, String person) {
    }

    /** Why a request cannot be made or changed as asked: the HTTP status and every reason, with both versions. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final List<String> reasons;
        private final String candidate;
        private final String live;

        Refused(int status, List<String> reasons, String candidate, String live) {
            super(String.join("; ", reasons));
            this.status = status;
            this.reasons = List.copyOf(reasons);
            this.candidate = candidate;
            this.live = live;
        }

        public int status() {
            return status;
        }

        public List<String> reasons() {
            return reasons;
        }

        public String candidate() {
            return candidate;
        }

        public String live() {
            return live;
        }
    }

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final RulePublisher publisher;
    private final RuleVersions versions;
    private final RequestEvidenceMaker evidence;
    private volatile Events events = Events.NONE;
    /** The scheduled requests this instance compiled ahead of their time. */
    private final java.util.Set<Long> prepared = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PublishRequests(Jdbi jdbi, ObjectMapper json, RulePublisher publisher, RuleVersions versions,
                           RequestEvidenceMaker evidence) {
        this.jdbi = jdbi;
        this.json = json;
        this.publisher = publisher;
        this.versions = versions;
        this.evidence = evidence;
    }

    /** Tells {@code events} when a request waits for a decision. */
    public void events(Events events) {
        this.events = events;
    }

    /**
     * A change as a publish request: merged with the live rules, through the gate (refused with 409 naming why, and
     * nothing stored), then stored with its evidence. 422 for a malformed change.
     */
    public PublishRequest make(RulePublisher.Change change, String comment, Actor author) {
        Prepared prepared = prepared(change, author);
        long id = jdbi.withExtension(PublishRequestDao.class, dao -> dao.insert(Columns.clip(author.key(), 100),
                Columns.clip(author.person(), 100), Columns.clip(comment, 1000), write(change), prepared.base(),
                prepared.candidate(), prepared.filesJson(), prepared.fixturesJson(), prepared.evidenceJson(),
                Instant.now()));
        versions.logStep(id, prepared.candidate(), MADE, author.key(), comment);
        Map<String, Object> waiting = new java.util.LinkedHashMap<>();
        waiting.put("request", id);
        waiting.put("author", author.key());
        waiting.put("comment", comment);
        waiting.put("candidate", prepared.candidate());
        waiting.put("base", prepared.base());
        waiting.put("review", "/api/v1/rules/requests/" + id);
        events.happened(WebhookEvent.PUBLISH_REQUEST_WAITING, waiting);
        LOG.info("publish request {} made by {}: {} on {}", id, author.key(), prepared.candidate(), prepared.base());
        return detailed(row(id), author);
    }

    /** A change made ready to store: the live version it is made on, its candidate, files, fixtures and evidence. */
    private record Prepared(String base, String candidate, String filesJson, String fixturesJson,
                            String evidenceJson) {
    }

    /**
     * What making a request and bringing it up to date share: the change merged with the version every instance runs
     * (this one takes it up first, if it has not yet), gated, and its evidence computed.
     */
    private Prepared prepared(RulePublisher.Change change, Actor author) {
        publisher.follow();
        String base = publisher.live().current().rulesetVersion();
        RulePublisher.Checked checked = checked(change, base);
        RequestEvidence made = evidence.make(checked, publisher.live().current(), author.key());
        return new Prepared(base, checked.candidate().files().version(), write(checked.candidate().files().files()),
                change.changesFixtures() ? write(checked.candidate().fixtures().files()) : null, write(made));
    }

    /** The change merged with the live rules and gated; refused (409) when it changes nothing or fails the gate. */
    private RulePublisher.Checked checked(RulePublisher.Change change, String live) {
        RulePublisher.Candidate candidate = publisher.candidate(change);
        if (candidate.files().version().equals(live) && !change.changesFixtures()) {
            throw new Refused(409, List.of("the change leaves the live rules as they are: there is nothing to approve"),
                    live, live);
        }
        RulePublisher.Checked checked = publisher.check(candidate);
        if (!checked.passed()) {
            throw new Refused(409, checked.refusal(), candidate.files().version(), live);
        }
        return checked;
    }

    public Optional<PublishRequest> find(long id, Actor viewer) {
        return jdbi.withExtension(PublishRequestDao.class, dao -> dao.find(id)).map(row -> detailed(row, viewer));
    }

    /** The latest 200 requests (in {@code state}, when given), newest first, without evidence, diff or history. */
    public List<PublishRequest> list(State state, Actor viewer) {
        String live = live(); // once for the list: whether each request is up to date with it
        return jdbi.withExtension(PublishRequestDao.class, dao -> state == null ? dao.latest(LISTED)
                : dao.latestIn(state.code(), LISTED)).stream().map(row -> view(row, viewer, false, live)).toList();
    }

    /**
     * Approves request {@code id}: now, when {@code effectiveAt} is null — it goes live through the gate on the live
     * rules it was made on, or is refused (409) and stays pending — or at {@code effectiveAt}, when every instance
     * takes it live.
     */
    public PublishRequest approve(long id, Actor approver, String comment, Instant effectiveAt) {
        RequestRow row = row(id);
        mayDecide(row, approver);
        if (State.of(row.state()) != State.PENDING) {
            throw notOpen(row);
        }
        Instant now = Instant.now();
        if (effectiveAt != null && !effectiveAt.isAfter(now)) {
            throw new Refused(422, List.of("effectiveAt: " + effectiveAt + " is not in the future; leave it out to "
                    + "approve for now"), row.candidateHash(), live());
        }
        if (effectiveAt != null && effectiveAt.isAfter(now.plus(FURTHEST))) {
            throw new Refused(422, List.of("effectiveAt: at most " + FURTHEST.toDays() + " days ahead"),
                    row.candidateHash(), live());
        }
        requireUpToDate(row);
        if (effectiveAt != null) {
            claim(dao -> dao.decide(id, State.PENDING.code(), State.SCHEDULED.code(), Columns.clip(approver.key(), 100),
                    Columns.clip(comment, 1000), effectiveAt, now), row);
            versions.logStep(id, row.candidateHash(), APPROVED, approver.key(), "takes effect at " + effectiveAt
                    + (comment == null || comment.isBlank() ? "" : ": " + comment));
            LOG.info("publish request {} approved by {}, goes live at {}", id, approver.key(), effectiveAt);
            return detailed(row(id), approver);
        }
        claim(dao -> dao.decide(id, State.PENDING.code(), State.APPROVING.code(), Columns.clip(approver.key(), 100),
                Columns.clip(comment, 1000), null, now), row);
        versions.logStep(id, row.candidateHash(), APPROVED, approver.key(), comment);
        goLive(row, State.APPROVING, RulePublisher.How.APPROVED, approver.key());
        return detailed(row(id), approver);
    }

    /** Rejects request {@code id} (pending or scheduled) with the reason why. */
    public PublishRequest reject(long id, Actor approver, String comment) {
        RequestRow row = row(id);
        if (comment == null || comment.isBlank()) {
            throw new Refused(422, List.of("comment: required to reject (the author needs to know why)"),
                    row.candidateHash(), live());
        }
        mayDecide(row, approver);
        State from = State.of(row.state());
        claim(dao -> dao.decide(id, from.code(), State.REJECTED.code(), Columns.clip(approver.key(), 100), Columns.clip(comment, 1000),
                row.effectiveAt(), Instant.now()), row);
        versions.logStep(id, row.candidateHash(), REJECTED, approver.key(), comment);
        return detailed(row(id), approver);
    }

    /** The author takes request {@code id} back (pending or scheduled). */
    public PublishRequest withdraw(long id, Actor author) {
        RequestRow row = row(id);
        requireAuthor(row, author, "withdraw");
        State from = State.of(row.state());
        if (from != State.PENDING && from != State.SCHEDULED) {
            throw notOpen(row);
        }
        claim(dao -> dao.move(id, from.code(), State.WITHDRAWN.code(), Instant.now()), row);
        versions.logStep(id, row.candidateHash(), WITHDRAWN, author.key(), null);
        return detailed(row(id), author);
    }

    /**
     * The author brings pending request {@code id} up to date: its change merged with the rules live now, gated and
     * its evidence computed again. Refused (409, the request as it was) when the merged change fails the gate.
     */
    public PublishRequest update(long id, Actor author) {
        RequestRow row = row(id);
        requireAuthor(row, author, "update");
        if (State.of(row.state()) != State.PENDING) {
            throw notOpen(row);
        }
        Prepared prepared;
        try {
            prepared = prepared(read(row.changeJson(), RulePublisher.Change.class), author);
        } catch (Refused refused) {
            versions.logStep(id, row.candidateHash(), REFUSED, author.key(), "not brought up to date: "
                    + String.join("; ", refused.reasons()));
            throw refused;
        }
        claim(dao -> dao.rebase(id, prepared.base(), prepared.candidate(), prepared.filesJson(),
                prepared.fixturesJson(), prepared.evidenceJson(), Instant.now()), row);
        versions.logStep(id, prepared.candidate(), UPDATED, author.key(), "made on " + prepared.base());
        return detailed(row(id), author);
    }

    /**
     * Takes live every scheduled request whose time has come. One instance takes each (a conditional update); the
     * others wait for it and follow the version it made active, so every instance swaps at the time.
     */
    public void goLiveDue() {
        Instant now = Instant.now();
        jdbi.useExtension(PublishRequestDao.class, dao -> {
            dao.release(State.APPROVING.code(), State.PENDING.code(), now.minus(STUCK), now);
            dao.release(State.GOING_LIVE.code(), State.SCHEDULED.code(), now.minus(STUCK), now);
        });
        for (PublishRequestDao.ScheduledRow waiting : jdbi.withExtension(PublishRequestDao.class,
                PublishRequestDao::scheduled)) {
            if (waiting.effectiveAt().isAfter(now)) {
                prepare(waiting, now);
                continue;
            }
            RequestRow row = row(waiting.id());
            int taken = jdbi.withExtension(PublishRequestDao.class, dao -> dao.move(row.id(), State.SCHEDULED.code(),
                    State.GOING_LIVE.code(), Instant.now()));
            if (taken == 1) {
                try {
                    goLive(row, State.GOING_LIVE, RulePublisher.How.SCHEDULED, row.decidedBy());
                } catch (Refused refused) {
                    LOG.warn("scheduled publish request {} did not go live: {}", row.id(), refused.reasons());
                }
            } else {
                followTheInstanceThatTookIt(row.id());
            }
        }
    }

    /**
     * A scheduled request whose time is near is compiled here ahead of it (once per instance; the compiler keeps the
     * result), so at its time the swap waits only for the gate's fixtures, not for the compiler.
     */
    private void prepare(PublishRequestDao.ScheduledRow waiting, Instant now) {
        if (waiting.effectiveAt().isAfter(now.plus(PREPARE_AHEAD)) || !prepared.add(waiting.id())) {
            return;
        }
        RequestRow row = row(waiting.id());
        RulePublisher.Checked checked = publisher.check(candidate(row));
        LOG.info("scheduled publish request {} compiled ahead of {}: {}", row.id(), row.effectiveAt(),
                checked.passed() ? "passes the gate now" : "refused now: " + checked.refusal());
    }

    /** Waits until request {@code id} has gone live (or failed to) on the instance that took it, then follows. */
    private void followTheInstanceThatTookIt(long id) {
        long deadline = System.nanoTime() + FOLLOW_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            State state = State.of(jdbi.withExtension(PublishRequestDao.class, dao -> dao.state(id)));
            if (state == State.LIVE) {
                publisher.follow();
                return;
            }
            if (state != State.GOING_LIVE) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The request, claimed in state {@code from}, through the publisher: live, or back to pending saying why. */
    private void goLive(RequestRow row, State from, RulePublisher.How how, String approver) {
        String comment = "publish request " + row.id() + " by " + row.author() + ", approved by " + approver
                + (row.comment() == null || row.comment().isBlank() ? "" : ": " + row.comment());
        RuleOutcome outcome;
        try {
            outcome = publisher.publishApproved(candidate(row), row.baseHash(), how, row.author(), comment, row.id());
        } catch (RuntimeException e) {
            back(row, from, List.of("could not go live: " + e.getMessage()));
            throw e;
        }
        if (!outcome.accepted()) {
            back(row, from, outcome.errors());
            throw new Refused(409, outcome.errors(), outcome.version(), outcome.liveVersion());
        }
        long seq = versions.seqWithHash(outcome.version()).orElseThrow();
        jdbi.useExtension(PublishRequestDao.class, dao -> dao.wentLive(row.id(), from.code(), seq, Instant.now()));
    }

    private void back(RequestRow row, State from, List<String> reasons) {
        jdbi.useExtension(PublishRequestDao.class, dao -> dao.move(row.id(), from.code(), State.PENDING.code(),
                Instant.now()));
        versions.logStep(row.id(), row.candidateHash(), REFUSED, "gate", String.join("; ", reasons));
    }

    private void requireUpToDate(RequestRow row) {
        String active = live();
        if (!active.equals(row.baseHash())) {
            throw new Refused(409, List.of("the live rules changed since request " + row.id() + " was made (made on "
                    + row.baseHash() + ", live now " + active + "): its author must bring it up to date first"),
                    row.candidateHash(), active);
        }
    }

    /** The version active in the store (what every instance runs), else this instance's live one. */
    private String live() {
        return versions.activeHash().orElse(publisher.live().current().rulesetVersion());
    }

    private void mayDecide(RequestRow row, Actor approver) {
        String why = whyNotDecide(row, approver);
        if (why != null) {
            throw new Refused(why.startsWith("you made") ? 403 : 409, List.of(why), row.candidateHash(), live());
        }
    }

    /** Why {@code actor} may not approve or reject the request now, or null when they may. */
    private static String whyNotDecide(RequestRow row, Actor actor) {
        if (isAuthor(row, actor)) {
            return "you made publish request " + row.id() + " (as " + row.author() + "): another person must approve "
                    + "or reject it";
        }
        State state = State.of(row.state());
        if (state != State.PENDING && (state != State.SCHEDULED)) {
            return "publish request " + row.id() + " is " + row.state() + ", not pending";
        }
        return null;
    }

    /** Whether {@code actor} made the request: its key, or another key of the same person. */
    private static boolean isAuthor(RequestRow row, Actor actor) {
        return row.author().equals(actor.key()) || row.authorPerson().equalsIgnoreCase(actor.person());
    }

    private static void requireAuthor(RequestRow row, Actor actor, String what) {
        if (!isAuthor(row, actor)) {
            throw new Refused(403, List.of("only the author of publish request " + row.id() + " (" + row.author()
                    + ") may " + what + " it"), row.candidateHash(), null);
        }
    }

    private static Refused notOpen(RequestRow row) {
        return new Refused(409, List.of("publish request " + row.id() + " is " + row.state() + ", not pending"),
                row.candidateHash(), null);
    }

    /** Runs a conditional update; none updated means someone else changed the request first: 409 saying so. */
    private void claim(java.util.function.ToIntFunction<PublishRequestDao> update, RequestRow seen) {
        int changed = jdbi.withExtension(PublishRequestDao.class, update::applyAsInt);
        if (changed == 0) {
            RequestRow now = row(seen.id());
            throw new Refused(409, List.of("publish request " + seen.id() + " was " + seen.state() + " and is now "
                    + now.state() + (now.decidedBy() == null ? "" : " (" + now.decidedBy() + ")")
                    + ": someone else acted on it first"), seen.candidateHash(), live());
        }
    }

    private RequestRow row(long id) {
        return jdbi.withExtension(PublishRequestDao.class, dao -> dao.find(id)).orElseThrow(() ->
                new Refused(404, List.of("no publish request " + id), null, null));
    }

    private RulePublisher.Candidate candidate(RequestRow row) {
        return new RulePublisher.Candidate(new RuleFiles(read(row.filesJson(), TEXTS)),
                row.fixturesJson() == null ? null : new FixtureFiles(read(row.fixturesJson(), TEXTS)));
    }

    /** One request with its evidence, diff and history, and what {@code viewer} may do with it. */
    private PublishRequest detailed(RequestRow row, Actor viewer) {
        return view(row, viewer, true, live());
    }

    private PublishRequest view(RequestRow row, Actor viewer, boolean detail, String live) {
        RulePublisher.Change change = read(row.changeJson(), RulePublisher.Change.class);
        List<String> fixtureNames = new ArrayList<>();
        if (change.fixtures() != null) {
            fixtureNames.addAll(change.fixtures().keySet());
        }
        if (change.deletedFixtures() != null) {
            fixtureNames.addAll(change.deletedFixtures());
        }
        State state = State.of(row.state());
        boolean open = state == State.PENDING || state == State.SCHEDULED;
        RequestEvidence made = null;
        List<RuleFileDiff> diff = null;
        List<RuleFileDiff> fixtureDiff = null;
        Boolean mayDecide = null;
        Boolean mayWithdraw = null;
        String whyNot = null;
        if (detail) {
            made = read(row.evidenceJson(), RequestEvidence.class);
            Optional<Long> baseSeq = versions.seqWithHash(row.baseHash());
            Map<String, String> before = baseSeq.flatMap(versions::files).map(RuleFiles::files)
                    .orElse(publisher.live().current().rules().files().files());
            diff = RuleVersions.diff(before, read(row.filesJson(), TEXTS));
            if (row.fixturesJson() != null) {
                Map<String, String> fixturesBefore = baseSeq.flatMap(versions::fixtures).map(FixtureFiles::files)
                        .map(files -> (Map<String, String>) files).orElse(Map.of());
                fixtureDiff = RuleVersions.diff(fixturesBefore, read(row.fixturesJson(), TEXTS));
            }
            whyNot = whyNotDecide(row, viewer);
            if (whyNot == null && state == State.PENDING && !live.equals(row.baseHash())) {
                whyNot = "the live rules changed since the request was made: its author must bring it up to date first";
            }
            mayDecide = whyNot == null;
            mayWithdraw = open && isAuthor(row, viewer);
        }
        return new PublishRequest(row.id(), row.state(), row.author(), row.comment(), row.baseHash(),
                row.candidateHash(), !open || live.equals(row.baseHash()), row.effectiveAt(), row.decidedBy(),
                row.decisionComment(), row.versionSeq(), row.createdAt(), row.updatedAt(),
                List.copyOf(new java.util.TreeSet<>(change.files().keySet())), change.deleted(), fixtureNames, made,
                diff, fixtureDiff, detail ? versions.steps(row.id()) : null, mayDecide, mayWithdraw, whyNot);
    }

    /** Pending requests: the count the console's top bar shows to those who may decide. */
    public int pending() {
        return jdbi.withExtension(PublishRequestDao.class, dao -> dao.count(State.PENDING.code()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the publish request", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored publish request is unreadable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored publish request is unreadable", e);
        }
    }

}
