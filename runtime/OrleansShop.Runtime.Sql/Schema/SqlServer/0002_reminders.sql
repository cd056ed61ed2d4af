-- Reminder definitions, next to grain state so that one database holds everything a silo must not lose.
IF OBJECT_ID(N'dbo.OrleansShopReminders', N'U') IS NULL
CREATE TABLE dbo.OrleansShopReminders
(
    ServiceId          NVARCHAR(64)  NOT NULL,
    GrainType          NVARCHAR(128) NOT NULL,
    GrainKey           NVARCHAR(512) NOT NULL,
    ReminderName       NVARCHAR(64)  NOT NULL,
    StartAt            DATETIME2(3)  NOT NULL, -- UTC
    PeriodMilliseconds BIGINT        NOT NULL,
    Version            BIGINT        NOT NULL,
    ModifiedOn         DATETIME2(3)  NOT NULL,
    CONSTRAINT PK_OrleansShopReminders PRIMARY KEY NONCLUSTERED (ServiceId, GrainType, GrainKey, ReminderName)
);
