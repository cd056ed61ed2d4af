-- OrleansShop schema 0003 (SQL Server): cluster membership for Microsoft.Orleans.Clustering.AdoNet.
-- DeploymentId is Orleans' ClusterId. The version row is the table's ETag: every membership change (a silo
-- joining, a status change, a suspicion vote) must name the version it read and bumps it in the same
-- transaction, so of two silos racing on one read exactly one wins and the other re-reads (Orleans' membership
-- protocol). IAmAlive updates touch only the silo's own row and no version: they are diagnostics, not liveness.

CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId NVARCHAR(150) NOT NULL,
    Timestamp    DATETIME2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    Version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

CREATE TABLE OrleansMembershipTable
(
    DeploymentId NVARCHAR(150) NOT NULL,
    Address      VARCHAR(45)   NOT NULL,
    Port         INT           NOT NULL,
    Generation   INT           NOT NULL,
    SiloName     NVARCHAR(150) NOT NULL,
    HostName     NVARCHAR(150) NOT NULL,
    Status       INT           NOT NULL,
    ProxyPort    INT           NULL,
    SuspectTimes VARCHAR(8000) NULL,
    StartTime    DATETIME2(3)  NOT NULL,
    IAmAliveTime DATETIME2(3)  NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Every silo tries this at start; the answer (1 inserted, 0 already there) only tells who created the row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', N'
SET NOCOUNT ON;
INSERT INTO OrleansMembershipVersionTable (DeploymentId)
SELECT @DeploymentId
WHERE NOT EXISTS
(
    SELECT 1 FROM OrleansMembershipVersionTable WITH (UPDLOCK, HOLDLOCK) WHERE DeploymentId = @DeploymentId
);
SELECT @@ROWCOUNT;
');

-- A silo joins: only if its identity is new and the version is still the one it read. The version row is
-- updated first (its lock serializes racing writers); the insert runs only when that compare-and-swap succeeded.
-- Answers 1 on success, 0 otherwise.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', N'
SET XACT_ABORT, NOCOUNT ON;
DECLARE @Joined INT = 0;
BEGIN TRANSACTION;
UPDATE OrleansMembershipVersionTable
SET Version = Version + 1,
    Timestamp = SYSUTCDATETIME()
WHERE DeploymentId = @DeploymentId
    AND Version = @Version
    AND NOT EXISTS
    (
        SELECT 1 FROM OrleansMembershipTable WITH (UPDLOCK, HOLDLOCK)
        WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
    );
IF @@ROWCOUNT > 0
BEGIN
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime);
    SET @Joined = @@ROWCOUNT;
END
COMMIT TRANSACTION;
SELECT @Joined;
');

-- A status change or suspicion vote on an existing silo row, under the same compare-and-swap.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', N'
SET XACT_ABORT, NOCOUNT ON;
DECLARE @Changed INT = 0;
BEGIN TRANSACTION;
UPDATE OrleansMembershipVersionTable
SET Version = Version + 1,
    Timestamp = SYSUTCDATETIME()
WHERE DeploymentId = @DeploymentId
    AND Version = @Version
    AND EXISTS
    (
        SELECT 1 FROM OrleansMembershipTable
        WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
    );
IF @@ROWCOUNT > 0
BEGIN
    UPDATE OrleansMembershipTable
    SET Status = @Status,
        SuspectTimes = @SuspectTimes,
        IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
    SET @Changed = @@ROWCOUNT;
END
COMMIT TRANSACTION;
SELECT @Changed;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', N'
SET NOCOUNT ON;
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
');

-- Reads return the version row even when no silo row matches (outer join): Orleans takes the table version from
-- the first row and treats a row without StartTime as "no entry".
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', N'
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
    ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', N'
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
');

-- Clients find gateways here: silos with the requested status (Orleans asks for Active) that opened a gateway.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', N'
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', N'
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
');

-- Housekeeping: forget silos that are not Active (status 3) and have not reported alive since @IAmAliveTime.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', N'
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
');
