-- Grain directory (after Orleans' external grain directories): where the one activation of each grain placed by a
-- strategy other than hash placement lives. Insert-if-absent makes the first registration win; deletes name the
-- exact entry (silo incarnation and activation), so a newer entry survives an old one's removal.
-- The key is nonclustered because its 1408 bytes exceed a clustered key's 900-byte limit.
IF OBJECT_ID(N'dbo.OrleansShopGrainDirectory', N'U') IS NULL
CREATE TABLE dbo.OrleansShopGrainDirectory
(
    ClusterId    NVARCHAR(64)  NOT NULL,
    GrainType    NVARCHAR(128) NOT NULL,
    GrainKey     NVARCHAR(512) NOT NULL,
    Address      NVARCHAR(255) NOT NULL,
    Port         INT           NOT NULL,
    Generation   BIGINT        NOT NULL,
    ActivationId NVARCHAR(64)  NOT NULL,
    CONSTRAINT PK_OrleansShopGrainDirectory PRIMARY KEY NONCLUSTERED (ClusterId, GrainType, GrainKey)
);
