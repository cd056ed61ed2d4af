-- Grain state: one row per grain, state name and service. Version is the ETag: every successful write bumps it.
CREATE TABLE IF NOT EXISTS OrleansShopGrainState
(
    ServiceId  varchar(64)  NOT NULL,
    GrainType  varchar(128) NOT NULL,
    GrainKey   varchar(512) NOT NULL,
    StateName  varchar(64)  NOT NULL,
    Payload    text         NULL, -- JSON; NULL once the state is cleared (the row stays so its version keeps rising)
    Version    bigint       NOT NULL,
    ModifiedOn timestamptz  NOT NULL,
    CONSTRAINT PK_OrleansShopGrainState PRIMARY KEY (ServiceId, GrainType, GrainKey, StateName)
);
