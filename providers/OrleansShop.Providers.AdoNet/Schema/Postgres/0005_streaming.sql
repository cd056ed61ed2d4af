-- OrleansShop schema 0005 (PostgreSQL): durable stream queues for Microsoft.Orleans.Streaming.AdoNet.
-- A published event batch is one row of OrleansStreamMessage in its queue (ServiceId, ProviderId = the stream
-- provider's name, QueueId = the queue's name). A silo's pulling agent takes the oldest visible rows, which become
-- invisible for VisibilityTimeout seconds and count one more dequeue; the agent deletes them once its consumers took
-- them, quoting the dequeue count as a receipt (a late receipt from an agent that lost the queue changes nothing).
-- A row whose agent died becomes visible again: at least once. Rows dequeued MaxAttempts times, or past ExpiresOn,
-- move to OrleansStreamDeadLetter and are deleted from there at RemoveOn. OrleansStreamControl keeps, per queue, when
-- the next such clean-up is due, so one reader does it once per EvictionInterval.
-- The timeouts arrive as whole seconds; times are UTC (timestamptz).

CREATE TABLE OrleansStreamMessage
(
    ServiceId  varchar(150)   NOT NULL,
    ProviderId varchar(150)   NOT NULL,
    QueueId    varchar(150)   NOT NULL,
    -- Ascending in publication order within a queue (up to the order of concurrent commits): delivery order.
    MessageId  bigint         GENERATED ALWAYS AS IDENTITY,
    Dequeued   integer        NOT NULL,
    VisibleOn  timestamptz(6) NOT NULL,
    ExpiresOn  timestamptz(6) NOT NULL,
    CreatedOn  timestamptz(6) NOT NULL,
    ModifiedOn timestamptz(6) NOT NULL,
    Payload    bytea          NOT NULL,
    CONSTRAINT PK_OrleansStreamMessage PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE OrleansStreamDeadLetter
(
    ServiceId  varchar(150)   NOT NULL,
    ProviderId varchar(150)   NOT NULL,
    QueueId    varchar(150)   NOT NULL,
    MessageId  bigint         NOT NULL,
    Dequeued   integer        NOT NULL,
    VisibleOn  timestamptz(6) NOT NULL,
    ExpiresOn  timestamptz(6) NOT NULL,
    CreatedOn  timestamptz(6) NOT NULL,
    ModifiedOn timestamptz(6) NOT NULL,
    DeadOn     timestamptz(6) NOT NULL,
    RemoveOn   timestamptz(6) NOT NULL,
    Payload    bytea          NULL,
    CONSTRAINT PK_OrleansStreamDeadLetter PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE OrleansStreamControl
(
    ServiceId  varchar(150)   NOT NULL,
    ProviderId varchar(150)   NOT NULL,
    QueueId    varchar(150)   NOT NULL,
    EvictOn    timestamptz(6) NOT NULL,
    CONSTRAINT PK_OrleansStreamControl PRIMARY KEY (ServiceId, ProviderId, QueueId)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('QueueStreamMessageKey', '
INSERT INTO OrleansStreamMessage (ServiceId, ProviderId, QueueId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
VALUES (@ServiceId, @ProviderId, @QueueId, 0, now(), now() + @ExpiryTimeout * interval ''1 second'', now(), now(), @Payload)
RETURNING ServiceId, ProviderId, QueueId, MessageId;
');

-- One statement: the clean-up when this reader wins the turn for its queue (the upsert of the control row returns a row only
-- then; a racing reader waits on that row and then sees the new EvictOn), and the next batch. The expired and the
-- deliverable rows are disjoint by their conditions, so no row is touched twice. SKIP LOCKED: rows another reader is
-- taking or confirming right now are not waited for.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GetStreamMessagesKey', '
WITH turn AS
(
    INSERT INTO OrleansStreamControl AS c (ServiceId, ProviderId, QueueId, EvictOn)
    VALUES (@ServiceId, @ProviderId, @QueueId, now() + @EvictionInterval * interval ''1 second'')
    ON CONFLICT (ServiceId, ProviderId, QueueId) DO UPDATE SET EvictOn = excluded.EvictOn
    WHERE c.EvictOn <= now()
    RETURNING 1
),
expired AS
(
    DELETE FROM OrleansStreamMessage
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
      AND MessageId IN
      (
          SELECT MessageId FROM OrleansStreamMessage
          WHERE EXISTS (SELECT 1 FROM turn)
            AND ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
            AND VisibleOn <= now() AND (Dequeued >= @MaxAttempts OR ExpiresOn <= now())
          ORDER BY MessageId
          LIMIT @EvictionBatchSize
          FOR UPDATE SKIP LOCKED
      )
    RETURNING ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload
),
buried AS
(
    INSERT INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
    SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
           now(), now() + @RemovalTimeout * interval ''1 second'', Payload
    FROM expired
),
removed AS
(
    DELETE FROM OrleansStreamDeadLetter
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
      AND MessageId IN
      (
          SELECT MessageId FROM OrleansStreamDeadLetter
          WHERE EXISTS (SELECT 1 FROM turn)
            AND ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND RemoveOn <= now()
          ORDER BY MessageId
          LIMIT @EvictionBatchSize
          FOR UPDATE SKIP LOCKED
      )
),
batch AS
(
    SELECT MessageId FROM OrleansStreamMessage
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
      AND Dequeued < @MaxAttempts AND VisibleOn <= now() AND ExpiresOn > now()
    ORDER BY MessageId
    LIMIT @MaxCount
    FOR UPDATE SKIP LOCKED
)
UPDATE OrleansStreamMessage AS m
SET Dequeued = m.Dequeued + 1,
    VisibleOn = now() + @VisibilityTimeout * interval ''1 second'',
    ModifiedOn = now()
FROM batch AS b
WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId AND m.MessageId = b.MessageId
RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId, m.Dequeued, m.VisibleOn, m.ExpiresOn, m.CreatedOn, m.ModifiedOn, m.Payload;
');

-- @Items lists receipts "MessageId:Dequeued|...": a positive count confirms (deletes) the row if it was not dequeued
-- again since; a negative one releases it (visible now) for the next reader, as an agent handing its queue over does.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ConfirmStreamMessagesKey', '
WITH receipts AS
(
    SELECT split_part(item, '':'', 1)::bigint AS MessageId, split_part(item, '':'', 2)::integer AS Dequeued
    FROM unnest(string_to_array(@Items, ''|'')) AS item
),
released AS
(
    UPDATE OrleansStreamMessage AS m
    SET VisibleOn = now(), ModifiedOn = now()
    FROM receipts AS r
    WHERE r.Dequeued < 0
      AND m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
      AND m.MessageId = r.MessageId AND m.Dequeued = -r.Dequeued
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId
),
confirmed AS
(
    DELETE FROM OrleansStreamMessage AS m
    USING receipts AS r
    WHERE r.Dequeued > 0
      AND m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
      AND m.MessageId = r.MessageId AND m.Dequeued = r.Dequeued
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId
)
SELECT ServiceId, ProviderId, QueueId, MessageId FROM released
UNION ALL
SELECT ServiceId, ProviderId, QueueId, MessageId FROM confirmed;
');

-- A delivery that failed: visible again for another attempt, or, once out of attempts, a dead letter.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('FailStreamMessageKey', '
WITH retried AS
(
    UPDATE OrleansStreamMessage
    SET VisibleOn = now(), ModifiedOn = now()
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND MessageId = @MessageId
      AND Dequeued < @MaxAttempts
),
failed AS
(
    DELETE FROM OrleansStreamMessage
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND MessageId = @MessageId
      AND Dequeued >= @MaxAttempts
    RETURNING ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload
)
INSERT INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
       now(), now() + @RemovalTimeout * interval ''1 second'', Payload
FROM failed;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('EvictStreamMessagesKey', '
WITH expired AS
(
    DELETE FROM OrleansStreamMessage
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
      AND MessageId IN
      (
          SELECT MessageId FROM OrleansStreamMessage
          WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
            AND VisibleOn <= now() AND (Dequeued >= @MaxAttempts OR ExpiresOn <= now())
          ORDER BY MessageId
          LIMIT @MaxCount
          FOR UPDATE SKIP LOCKED
      )
    RETURNING ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload
)
INSERT INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
       now(), now() + @RemovalTimeout * interval ''1 second'', Payload
FROM expired;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('EvictStreamDeadLettersKey', '
DELETE FROM OrleansStreamDeadLetter
WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
  AND MessageId IN
  (
      SELECT MessageId FROM OrleansStreamDeadLetter
      WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND RemoveOn <= now()
      ORDER BY MessageId
      LIMIT @MaxCount
      FOR UPDATE SKIP LOCKED
  );
');
