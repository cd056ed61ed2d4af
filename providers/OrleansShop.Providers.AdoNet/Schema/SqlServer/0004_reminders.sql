-- OrleansShop schema 0004 (SQL Server): reminder definitions for Microsoft.Orleans.Reminders.AdoNet.
-- One row per (service, grain, reminder name). Version is the reminder's ETag: 0 when first registered, bumped on
-- every re-registration; unregistering must name the current version. GrainHash (the grain id's uniform hash as a
-- signed integer) lets each silo read the reminders of its share of the hash ring.

CREATE TABLE OrleansRemindersTable
(
    ServiceId    NVARCHAR(150) NOT NULL,
    GrainId      VARCHAR(150)  NOT NULL,
    ReminderName NVARCHAR(150) NOT NULL,
    StartTime    DATETIME2(3)  NOT NULL,
    Period       BIGINT        NOT NULL,
    GrainHash    INT           NOT NULL,
    Version      INT           NOT NULL,
    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Silos read reminders by hash range.
CREATE NONCLUSTERED INDEX IX_OrleansRemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- Update the row if it exists (locking its key until commit so a racing registration waits), else insert it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', N'
SET XACT_ABORT, NOCOUNT ON;
DECLARE @NewVersion INT = 0;
BEGIN TRANSACTION;
UPDATE OrleansRemindersTable WITH (UPDLOCK, HOLDLOCK)
SET StartTime = @StartTime,
    Period = @Period,
    GrainHash = @GrainHash,
    @NewVersion = Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
IF @@ROWCOUNT = 0
    INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0);
COMMIT TRANSACTION;
SELECT @NewVersion AS Version;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', N'
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', N'
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
');

-- A range that does not wrap: (BeginHash, EndHash].
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', N'
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
');

-- A range that wraps past the top of the ring: above BeginHash or up to EndHash.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', N'
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
');

-- Answers 1 when the reminder with that version was removed, 0 when it changed or was gone.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', N'
SET NOCOUNT ON;
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT @@ROWCOUNT;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', N'
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
');
