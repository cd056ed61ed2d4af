-- Cluster membership (after Orleans' ADO.NET clustering): one row per silo incarnation, and one version row per
-- cluster that every membership change bumps in the same transaction, only if it still holds the version read.
IF OBJECT_ID(N'dbo.OrleansShopMembershipVersion', N'U') IS NULL
CREATE TABLE dbo.OrleansShopMembershipVersion
(
    ClusterId NVARCHAR(64) NOT NULL,
    Version   BIGINT       NOT NULL,
    CONSTRAINT PK_OrleansShopMembershipVersion PRIMARY KEY (ClusterId)
);

IF OBJECT_ID(N'dbo.OrleansShopMembership', N'U') IS NULL
CREATE TABLE dbo.OrleansShopMembership
(
    ClusterId    NVARCHAR(64)  NOT NULL,
    Address      NVARCHAR(255) NOT NULL,
    Port         INT           NOT NULL,
    Generation   BIGINT        NOT NULL,
    SiloName     NVARCHAR(150) NOT NULL,
    HostName     NVARCHAR(150) NOT NULL,
    Status       INT           NOT NULL, -- SiloStatus: 2 Joining, 3 Active, 4 ShuttingDown, 6 Dead
    SuspectTimes NVARCHAR(MAX) NULL,     -- voter=unixMilliseconds|...
    StartTime    BIGINT        NOT NULL, -- UTC, Unix milliseconds
    IAmAliveTime BIGINT        NOT NULL, -- UTC, Unix milliseconds
    CONSTRAINT PK_OrleansShopMembership PRIMARY KEY (ClusterId, Address, Port, Generation)
);
