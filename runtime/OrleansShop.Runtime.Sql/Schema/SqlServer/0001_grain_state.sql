-- Grain state: one row per grain, state name and service. Version is the ETag: every successful write bumps it.
-- The key is nonclustered because its 1536 bytes exceed a clustered key's 900-byte limit.
IF OBJECT_ID(N'dbo.OrleansShopGrainState', N'U') IS NULL
CREATE TABLE dbo.OrleansShopGrainState
(
    ServiceId  NVARCHAR(64)  NOT NULL,
    GrainType  NVARCHAR(128) NOT NULL,
    GrainKey   NVARCHAR(512) NOT NULL,
    StateName  NVARCHAR(64)  NOT NULL,
    Payload    NVARCHAR(MAX) NULL, -- JSON; NULL once the state is cleared (the row stays so its version keeps rising)
    Version    BIGINT        NOT NULL,
    ModifiedOn DATETIME2(3)  NOT NULL,
    CONSTRAINT PK_OrleansShopGrainState PRIMARY KEY NONCLUSTERED (ServiceId, GrainType, GrainKey, StateName)
);
