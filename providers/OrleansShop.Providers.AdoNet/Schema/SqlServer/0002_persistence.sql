-- OrleansShop schema 0002 (SQL Server): grain state for Microsoft.Orleans.Persistence.AdoNet.
-- One row per grain and service. The ETag Orleans hands to the grain is Version as text: every successful write
-- or clear returns the new version; returning the caller's own version (or nothing) makes the provider throw
-- InconsistentStateException. A first write (no ETag) inserts version 1 only when no row exists.

CREATE TABLE OrleansStorage
(
    GrainIdHash            INT            NOT NULL,
    GrainIdN0              BIGINT         NOT NULL,
    GrainIdN1              BIGINT         NOT NULL,
    GrainTypeHash          INT            NOT NULL,
    GrainTypeString        NVARCHAR(512)  NOT NULL,
    GrainIdExtensionString NVARCHAR(512)  NULL,
    ServiceId              NVARCHAR(150)  NOT NULL,
    PayloadBinary          VARBINARY(MAX) NULL,
    ModifiedOn             DATETIME2(3)   NOT NULL,
    Version                INT            NULL
);

-- The provider looks rows up by the two hashes first.
CREATE NONCLUSTERED INDEX IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- With an ETag: bump the version of the row holding exactly that version. Without one: insert version 1 unless
-- a row exists; UPDLOCK + HOLDLOCK keep the checked key range locked until commit, so of two first writers of one
-- grain only one inserts. The result is the new version, else the caller's (a conflict Orleans detects).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', N'
SET XACT_ABORT, NOCOUNT ON;
DECLARE @NewGrainStateVersion INT = NULL;
BEGIN TRANSACTION;
IF @GrainStateVersion IS NOT NULL
BEGIN
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary,
        ModifiedOn = SYSUTCDATETIME(),
        @NewGrainStateVersion = Version = Version + 1
    WHERE Version = @GrainStateVersion
        AND GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND (GrainIdExtensionString = @GrainIdExtensionString
             OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
        AND ServiceId = @ServiceId;
END
ELSE
BEGIN
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
           @PayloadBinary, SYSUTCDATETIME(), 1
    WHERE NOT EXISTS
    (
        SELECT 1 FROM OrleansStorage WITH (UPDLOCK, HOLDLOCK)
        WHERE GrainIdHash = @GrainIdHash
            AND GrainTypeHash = @GrainTypeHash
            AND GrainIdN0 = @GrainIdN0
            AND GrainIdN1 = @GrainIdN1
            AND GrainTypeString = @GrainTypeString
            AND (GrainIdExtensionString = @GrainIdExtensionString
                 OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
            AND ServiceId = @ServiceId
    );
    IF @@ROWCOUNT > 0 SET @NewGrainStateVersion = 1;
END
COMMIT TRANSACTION;
SELECT COALESCE(@NewGrainStateVersion, @GrainStateVersion) AS NewGrainStateVersion;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', N'
SELECT PayloadBinary, ModifiedOn, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND (GrainIdExtensionString = @GrainIdExtensionString
         OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
    AND ServiceId = @ServiceId;
');

-- Clearing keeps the row (payload gone, version bumped) so a stale activation cannot re-create old state unseen.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', N'
SET NOCOUNT ON;
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = SYSUTCDATETIME(),
    Version = Version + 1
OUTPUT inserted.Version AS NewGrainStateVersion
WHERE Version = @GrainStateVersion
    AND GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND (GrainIdExtensionString = @GrainIdExtensionString
         OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
    AND ServiceId = @ServiceId;
');

-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set. Orleans expects the
-- deleted version + 1 back (proof that the ETag matched); the grain's ETag then becomes null.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', N'
SET NOCOUNT ON;
DELETE FROM OrleansStorage
OUTPUT deleted.Version + 1 AS NewGrainStateVersion
WHERE Version = @GrainStateVersion
    AND GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND (GrainIdExtensionString = @GrainIdExtensionString
         OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
    AND ServiceId = @ServiceId;
');
