-- OrleansShop schema 0005 (SQL Server): durable stream queues for Microsoft.Orleans.Streaming.AdoNet.
-- A published event batch is one row of OrleansStreamMessage in its queue (ServiceId, ProviderId = the stream
-- provider's name, QueueId = the queue's name). A silo's pulling agent takes the oldest visible rows, which become
-- invisible for VisibilityTimeout seconds and count one more dequeue; the agent deletes them once its consumers took
-- them, quoting the dequeue count as a receipt (a late receipt from an agent that lost the queue changes nothing).
-- A row whose agent died becomes visible again: at least once. Rows dequeued MaxAttempts times, or past ExpiresOn,
-- move to OrleansStreamDeadLetter and are deleted from there at RemoveOn. OrleansStreamControl keeps, per queue, when
-- the next such clean-up is due, so one reader does it once per EvictionInterval.
-- The timeouts arrive as whole seconds; times are UTC.

CREATE TABLE OrleansStreamMessage
(
    ServiceId  NVARCHAR(150)  NOT NULL,
    ProviderId NVARCHAR(150)  NOT NULL,
    QueueId    NVARCHAR(150)  NOT NULL,
    -- Ascending in publication order within a queue (up to the order of concurrent commits): delivery order.
    MessageId  BIGINT         IDENTITY(1, 1) NOT NULL,
    Dequeued   INT            NOT NULL,
    VisibleOn  DATETIME2(6)   NOT NULL,
    ExpiresOn  DATETIME2(6)   NOT NULL,
    CreatedOn  DATETIME2(6)   NOT NULL,
    ModifiedOn DATETIME2(6)   NOT NULL,
    Payload    VARBINARY(MAX) NOT NULL,
    CONSTRAINT PK_OrleansStreamMessage PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE OrleansStreamDeadLetter
(
    ServiceId  NVARCHAR(150)  NOT NULL,
    ProviderId NVARCHAR(150)  NOT NULL,
    QueueId    NVARCHAR(150)  NOT NULL,
    MessageId  BIGINT         NOT NULL,
    Dequeued   INT            NOT NULL,
    VisibleOn  DATETIME2(6)   NOT NULL,
    ExpiresOn  DATETIME2(6)   NOT NULL,
    CreatedOn  DATETIME2(6)   NOT NULL,
    ModifiedOn DATETIME2(6)   NOT NULL,
    DeadOn     DATETIME2(6)   NOT NULL,
    RemoveOn   DATETIME2(6)   NOT NULL,
    Payload    VARBINARY(MAX) NULL,
    CONSTRAINT PK_OrleansStreamDeadLetter PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE OrleansStreamControl
(
    ServiceId  NVARCHAR(150) NOT NULL,
    ProviderId NVARCHAR(150) NOT NULL,
    QueueId    NVARCHAR(150) NOT NULL,
    EvictOn    DATETIME2(6)  NOT NULL,
    CONSTRAINT PK_OrleansStreamControl PRIMARY KEY (ServiceId, ProviderId, QueueId)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('QueueStreamMessageKey', N'
SET NOCOUNT ON;
DECLARE @Now DATETIME2(6) = SYSUTCDATETIME();
INSERT INTO OrleansStreamMessage (ServiceId, ProviderId, QueueId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
OUTPUT inserted.ServiceId, inserted.ProviderId, inserted.QueueId, inserted.MessageId
VALUES (@ServiceId, @ProviderId, @QueueId, 0, @Now, DATEADD(SECOND, @ExpiryTimeout, @Now), @Now, @Now, @Payload);
');

-- The clean-up when this reader wins the turn for its queue (moving EvictOn on, or creating the control row), then the
-- next batch: the oldest visible rows, locked against a concurrent reader (READPAST skips rows another one holds).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GetStreamMessagesKey', N'
SET NOCOUNT ON;
DECLARE @Now DATETIME2(6) = SYSUTCDATETIME();
DECLARE @NextEvictOn DATETIME2(6) = DATEADD(SECOND, @EvictionInterval, @Now);
DECLARE @Turn INT;
UPDATE OrleansStreamControl
SET EvictOn = @NextEvictOn
WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND EvictOn <= @Now;
SET @Turn = @@ROWCOUNT;
IF @Turn = 0
BEGIN
    INSERT INTO OrleansStreamControl (ServiceId, ProviderId, QueueId, EvictOn)
    SELECT @ServiceId, @ProviderId, @QueueId, @NextEvictOn
    WHERE NOT EXISTS
    (
        SELECT 1 FROM OrleansStreamControl WITH (UPDLOCK, HOLDLOCK)
        WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
    );
    SET @Turn = @@ROWCOUNT;
END;
IF @Turn > 0
BEGIN
    DELETE TOP (@EvictionBatchSize) FROM OrleansStreamMessage WITH (ROWLOCK, READPAST)
    OUTPUT deleted.ServiceId, deleted.ProviderId, deleted.QueueId, deleted.MessageId, deleted.Dequeued, deleted.VisibleOn,
           deleted.ExpiresOn, deleted.CreatedOn, deleted.ModifiedOn, @Now, DATEADD(SECOND, @RemovalTimeout, @Now), deleted.Payload
    INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
      AND VisibleOn <= @Now AND (Dequeued >= @MaxAttempts OR ExpiresOn <= @Now);
    DELETE TOP (@EvictionBatchSize) FROM OrleansStreamDeadLetter WITH (ROWLOCK, READPAST)
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND RemoveOn <= @Now;
END;
WITH Batch AS
(
    SELECT TOP (@MaxCount) ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload
    FROM OrleansStreamMessage WITH (ROWLOCK, UPDLOCK, READPAST)
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
      AND Dequeued < @MaxAttempts AND VisibleOn <= @Now AND ExpiresOn > @Now
    ORDER BY MessageId
)
UPDATE Batch
SET Dequeued = Dequeued + 1,
    VisibleOn = DATEADD(SECOND, @VisibilityTimeout, @Now),
    ModifiedOn = @Now
OUTPUT inserted.ServiceId, inserted.ProviderId, inserted.QueueId, inserted.MessageId, inserted.Dequeued, inserted.VisibleOn,
       inserted.ExpiresOn, inserted.CreatedOn, inserted.ModifiedOn, inserted.Payload;
');

-- @Items lists receipts "MessageId:Dequeued|...": a positive count confirms (deletes) the row if it was not dequeued
-- again since; a negative one releases it (visible now) for the next reader, as an agent handing its queue over does.
-- One result set of the rows touched.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ConfirmStreamMessagesKey', N'
SET NOCOUNT ON;
DECLARE @Now DATETIME2(6) = SYSUTCDATETIME();
DECLARE @Receipts TABLE (MessageId BIGINT NOT NULL PRIMARY KEY, Dequeued INT NOT NULL);
DECLARE @Done TABLE (ServiceId NVARCHAR(150), ProviderId NVARCHAR(150), QueueId NVARCHAR(150), MessageId BIGINT);
INSERT INTO @Receipts (MessageId, Dequeued)
SELECT CAST(LEFT(value, CHARINDEX('':'', value) - 1) AS BIGINT), CAST(SUBSTRING(value, CHARINDEX('':'', value) + 1, 20) AS INT)
FROM STRING_SPLIT(@Items, ''|'')
WHERE CHARINDEX('':'', value) > 0;
UPDATE m
SET VisibleOn = @Now, ModifiedOn = @Now
OUTPUT inserted.ServiceId, inserted.ProviderId, inserted.QueueId, inserted.MessageId INTO @Done
FROM OrleansStreamMessage AS m WITH (ROWLOCK)
INNER JOIN @Receipts AS r ON r.MessageId = m.MessageId AND m.Dequeued = -r.Dequeued
WHERE r.Dequeued < 0 AND m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId;
DELETE m
OUTPUT deleted.ServiceId, deleted.ProviderId, deleted.QueueId, deleted.MessageId INTO @Done
FROM OrleansStreamMessage AS m WITH (ROWLOCK)
INNER JOIN @Receipts AS r ON r.MessageId = m.MessageId AND m.Dequeued = r.Dequeued
WHERE r.Dequeued > 0 AND m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId;
SELECT ServiceId, ProviderId, QueueId, MessageId FROM @Done;
');

-- A delivery that failed: visible again for another attempt, or, once out of attempts, a dead letter.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('FailStreamMessageKey', N'
SET NOCOUNT ON;
DECLARE @Now DATETIME2(6) = SYSUTCDATETIME();
UPDATE OrleansStreamMessage
SET VisibleOn = @Now, ModifiedOn = @Now
WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND MessageId = @MessageId
  AND Dequeued < @MaxAttempts;
IF @@ROWCOUNT = 0
    DELETE FROM OrleansStreamMessage
    OUTPUT deleted.ServiceId, deleted.ProviderId, deleted.QueueId, deleted.MessageId, deleted.Dequeued, deleted.VisibleOn,
           deleted.ExpiresOn, deleted.CreatedOn, deleted.ModifiedOn, @Now, DATEADD(SECOND, @RemovalTimeout, @Now), deleted.Payload
    INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND MessageId = @MessageId
      AND Dequeued >= @MaxAttempts;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('EvictStreamMessagesKey', N'
SET NOCOUNT ON;
DECLARE @Now DATETIME2(6) = SYSUTCDATETIME();
DELETE TOP (@MaxCount) FROM OrleansStreamMessage WITH (ROWLOCK, READPAST)
OUTPUT deleted.ServiceId, deleted.ProviderId, deleted.QueueId, deleted.MessageId, deleted.Dequeued, deleted.VisibleOn,
       deleted.ExpiresOn, deleted.CreatedOn, deleted.ModifiedOn, @Now, DATEADD(SECOND, @RemovalTimeout, @Now), deleted.Payload
INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
  AND VisibleOn <= @Now AND (Dequeued >= @MaxAttempts OR ExpiresOn <= @Now);
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('EvictStreamDeadLettersKey', N'
SET NOCOUNT ON;
DELETE TOP (@MaxCount) FROM OrleansStreamDeadLetter WITH (ROWLOCK, READPAST)
WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId AND RemoveOn <= SYSUTCDATETIME();
');
