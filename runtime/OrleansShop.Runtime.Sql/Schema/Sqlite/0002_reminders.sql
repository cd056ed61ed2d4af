-- Reminder definitions, next to grain state so that one database holds everything a silo must not lose.
CREATE TABLE IF NOT EXISTS OrleansShopReminders
(
    ServiceId          TEXT    NOT NULL,
    GrainType          TEXT    NOT NULL,
    GrainKey           TEXT    NOT NULL,
    ReminderName       TEXT    NOT NULL,
    StartAt            INTEGER NOT NULL, -- UTC, Unix milliseconds
    PeriodMilliseconds INTEGER NOT NULL,
    Version            INTEGER NOT NULL,
    ModifiedOn         TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainKey, ReminderName)
);
