-- Reminder definitions, next to grain state so that one database holds everything a silo must not lose.
CREATE TABLE IF NOT EXISTS OrleansShopReminders
(
    ServiceId          varchar(64)  NOT NULL,
    GrainType          varchar(128) NOT NULL,
    GrainKey           varchar(512) NOT NULL,
    ReminderName       varchar(64)  NOT NULL,
    StartAt            timestamptz  NOT NULL,
    PeriodMilliseconds bigint       NOT NULL,
    Version            bigint       NOT NULL,
    ModifiedOn         timestamptz  NOT NULL,
    CONSTRAINT PK_OrleansShopReminders PRIMARY KEY (ServiceId, GrainType, GrainKey, ReminderName)
);
