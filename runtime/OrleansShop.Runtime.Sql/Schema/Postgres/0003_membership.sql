-- Cluster membership (after Orleans' ADO.NET clustering): one row per silo incarnation, and one version row per
-- cluster that every membership change bumps in the same statement, only if it still holds the version read.
CREATE TABLE IF NOT EXISTS OrleansShopMembershipVersion
(
    ClusterId varchar(64) NOT NULL,
    Version   bigint      NOT NULL,
    CONSTRAINT PK_OrleansShopMembershipVersion PRIMARY KEY (ClusterId)
);

CREATE TABLE IF NOT EXISTS OrleansShopMembership
(
    ClusterId    varchar(64)  NOT NULL,
    Address      varchar(255) NOT NULL,
    Port         integer      NOT NULL,
    Generation   bigint       NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(150) NOT NULL,
    Status       integer      NOT NULL, -- SiloStatus: 2 Joining, 3 Active, 4 ShuttingDown, 6 Dead
    SuspectTimes text         NULL,     -- voter=unixMilliseconds|...
    StartTime    bigint       NOT NULL, -- UTC, Unix milliseconds
    IAmAliveTime bigint       NOT NULL, -- UTC, Unix milliseconds
    CONSTRAINT PK_OrleansShopMembership PRIMARY KEY (ClusterId, Address, Port, Generation)
);
