-- OrleansShop schema 0001 (SQL Server): the statement table.
-- Orleans' ADO.NET providers issue no SQL of their own: at start-up each one reads its statements from
-- OrleansQuery by QueryKey and runs them with named parameters (@DeploymentId, @GrainIdHash, ...). The later
-- scripts each create a provider's tables and insert the statements that provider asks for.
-- Not done here: Orleans' own script also turns on READ_COMMITTED_SNAPSHOT and ALLOW_SNAPSHOT_ISOLATION for the
-- database to cut reader/writer blocking; ALTER DATABASE cannot run inside the migrator's transaction, so that is
-- left to the database's owner (see the README).

CREATE TABLE OrleansQuery
(
    QueryKey  VARCHAR(64)   NOT NULL,
    QueryText NVARCHAR(MAX) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
