-- OrleansShop schema 0001 (PostgreSQL): the statement table.
-- Orleans' ADO.NET providers issue no SQL of their own: at start-up each one reads its statements from
-- OrleansQuery by QueryKey and runs them with named parameters (@DeploymentId, @GrainIdHash, ...). The later
-- scripts each create a provider's tables and insert the statements that provider asks for.
-- Unquoted names fold to lower case; Npgsql matches Orleans' PascalCase column names case-insensitively.

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
