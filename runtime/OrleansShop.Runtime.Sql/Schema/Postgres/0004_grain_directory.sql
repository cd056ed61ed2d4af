-- Grain directory (after Orleans' external grain directories): where the one activation of each grain placed by a
-- strategy other than hash placement lives. Insert-if-absent makes the first registration win; deletes name the
-- exact entry (silo incarnation and activation), so a newer entry survives an old one's removal.
CREATE TABLE IF NOT EXISTS OrleansShopGrainDirectory
(
    ClusterId    varchar(64)  NOT NULL,
    GrainType    varchar(128) NOT NULL,
    GrainKey     varchar(512) NOT NULL,
    Address      varchar(255) NOT NULL,
    Port         integer      NOT NULL,
    Generation   bigint       NOT NULL,
    ActivationId varchar(64)  NOT NULL,
    CONSTRAINT PK_OrleansShopGrainDirectory PRIMARY KEY (ClusterId, GrainType, GrainKey)
);
