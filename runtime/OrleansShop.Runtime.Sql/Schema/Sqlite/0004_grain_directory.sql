-- Grain directory (after Orleans' external grain directories): where the one activation of each grain placed by a
-- strategy other than hash placement lives. Insert-if-absent makes the first registration win; deletes name the
-- exact entry (silo incarnation and activation), so a newer entry survives an old one's removal.
CREATE TABLE IF NOT EXISTS OrleansShopGrainDirectory
(
    ClusterId    TEXT    NOT NULL,
    GrainType    TEXT    NOT NULL,
    GrainKey     TEXT    NOT NULL,
    Address      TEXT    NOT NULL,
    Port         INTEGER NOT NULL,
    Generation   INTEGER NOT NULL,
    ActivationId TEXT    NOT NULL,
    PRIMARY KEY (ClusterId, GrainType, GrainKey)
);
