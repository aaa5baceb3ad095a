package jipan.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Webhook deliveries: one row per message and endpoint, with every answer's last status. */
@RegisterConstructorMapper(WebhookDao.DeliveryRow.class)
public interface WebhookDao {

    /** A stored delivery. */
    record DeliveryRow(long id, String endpoint, String url, String event, String body, String state, int attempts,
                       Instant nextAttemptAt, Integer lastStatus, String lastAnswer, Instant createdAt,
                       Instant deliveredAt, String claimedBy, Instant claimedUntil) {
    }

    @SqlUpdate("""
            INSERT INTO webhook_delivery (endpoint, url, event, body, state, attempts, next_attempt_at, created_at)
            VALUES (:endpoint, :url, :event, :body, 'pending', 0, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("endpoint") String endpoint, @Bind("url") String url, @Bind("event") String event,
                @Bind("body") String body, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id FROM webhook_delivery
             WHERE state = 'pending' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
             ORDER BY next_attempt_at, id LIMIT :limit
            """)
    List<Long> due(@Bind("now") Instant now, @Bind("limit") int limit);

    /** Takes a due delivery for {@code owner} until {@code until}; 0 when another instance took it first. */
    @SqlUpdate("""
            UPDATE webhook_delivery SET claimed_by = :owner, claimed_until = :until
             WHERE id = :id AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < :now)
            """)
    int claim(@Bind("id") long id, @Bind("owner") String owner, @Bind("until") Instant until, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM webhook_delivery WHERE id = :id")
    DeliveryRow find(@Bind("id") long id);

    /** What one attempt got: the state it leaves, the status and a piece of the answer, when to try again. */
    @SqlUpdate("""
            UPDATE webhook_delivery SET state = :state, attempts = attempts + 1, last_status = :status,
                   last_answer = :answer, next_attempt_at = :next, delivered_at = :deliveredAt,
                   claimed_by = NULL, claimed_until = NULL
             WHERE id = :id AND claimed_by = :owner
            """)
    int attempted(@Bind("id") long id, @Bind("owner") String owner, @Bind("state") String state,
                  @Bind("status") Integer status, @Bind("answer") String answer, @Bind("next") Instant next,
                  @Bind("deliveredAt") Instant deliveredAt);

    @SqlQuery("SELECT * FROM webhook_delivery ORDER BY id DESC LIMIT :limit")
    List<DeliveryRow> latest(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM webhook_delivery WHERE state = :state ORDER BY id DESC LIMIT :limit")
    List<DeliveryRow> latestIn(@Bind("state") String state, @Bind("limit") int limit);
}
