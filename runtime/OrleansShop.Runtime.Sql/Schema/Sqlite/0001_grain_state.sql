-- Grain state: one row per grain, state name and service. Version is the ETag: every successful write bumps it.
CREATE TABLE IF NOT EXISTS OrleansShopGrainState
(
    ServiceId  TEXT    NOT NULL,
    GrainType  TEXT    NOT NULL,
    GrainKey   TEXT    NOT NULL,
    StateName  TEXT    NOT NULL,
    Payload    TEXT    NULL,     -- JSON; NULL once the state is cleared (the row stays so its version keeps rising)
    Version    INTEGER NOT NULL,
    ModifiedOn TEXT    NOT NULL, -- UTC, ISO 8601
    PRIMARY KEY (ServiceId, GrainType, GrainKey, StateName)
);
