-- OrleansShop schema 0002 (PostgreSQL): grain state for Microsoft.Orleans.Persistence.AdoNet.
-- One row per grain and service. The ETag Orleans hands to the grain is Version as text: every successful write
-- or clear returns the new version; returning the caller's own version (or nothing) makes the provider throw
-- InconsistentStateException. A first write (no ETag) inserts version 1 only when no row exists.

CREATE TABLE OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL,
    Version                integer      NULL
);

-- The provider looks rows up by the two hashes first.
CREATE INDEX IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- At most one row per grain. This is what makes "insert only if absent" hold when two activations of one grain
-- (possible while membership changes) write their first state at once: the loser's insert hits this index and
-- does nothing, without a table lock. The strings are hashed because a B-tree entry is limited to about 2.7 kB,
-- and a missing key extension is keyed as '' (an md5 is never empty).
CREATE UNIQUE INDEX UX_OrleansStorage_Grain ON OrleansStorage
    (ServiceId, GrainIdN0, GrainIdN1, md5(GrainTypeString), coalesce(md5(GrainIdExtensionString), ''));

-- Orleans' own PostgreSQL script does the write in a plpgsql function; here one statement does the same:
-- with an ETag, bump the version of the row holding exactly that version; without one, insert version 1 unless a
-- row exists. The result is the new version, else the caller's (a conflict Orleans detects).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
WITH updated AS
(
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL
        AND Version = @GrainStateVersion
        AND GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND ServiceId = @ServiceId
    RETURNING Version
),
inserted AS
(
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
           @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT coalesce((SELECT Version FROM updated), (SELECT Version FROM inserted), @GrainStateVersion) AS NewGrainStateVersion;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, ModifiedOn, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND ServiceId = @ServiceId;
');

-- Clearing keeps the row (payload gone, version bumped) so a stale activation cannot re-create old state unseen.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = now(),
    Version = Version + 1
WHERE Version = @GrainStateVersion
    AND GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND ServiceId = @ServiceId
RETURNING Version AS NewGrainStateVersion;
');

-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set. Orleans expects the
-- deleted version + 1 back (proof that the ETag matched); the grain's ETag then becomes null.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE Version = @GrainStateVersion
    AND GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND ServiceId = @ServiceId
RETURNING Version + 1 AS NewGrainStateVersion;
');
