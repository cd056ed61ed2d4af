-- Cluster membership (after Orleans' ADO.NET clustering): one row per silo incarnation, and one version row per
-- cluster that every membership change bumps in the same transaction, only if it still holds the version read.
CREATE TABLE IF NOT EXISTS OrleansShopMembershipVersion
(
    ClusterId TEXT    NOT NULL PRIMARY KEY,
    Version   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansShopMembership
(
    ClusterId    TEXT    NOT NULL,
    Address      TEXT    NOT NULL,
    Port         INTEGER NOT NULL,
    Generation   INTEGER NOT NULL,
    SiloName     TEXT    NOT NULL,
    HostName     TEXT    NOT NULL,
    Status       INTEGER NOT NULL, -- SiloStatus: 2 Joining, 3 Active, 4 ShuttingDown, 6 Dead
    SuspectTimes TEXT    NULL,     -- voter=unixMilliseconds|...
    StartTime    INTEGER NOT NULL, -- UTC, Unix milliseconds
    IAmAliveTime INTEGER NOT NULL, -- UTC, Unix milliseconds
    PRIMARY KEY (ClusterId, Address, Port, Generation)
);
