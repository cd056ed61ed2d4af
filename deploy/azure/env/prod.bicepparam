// Production: zone redundant, provisioned SQL with geo-redundant backups and long-term retention, an Entra group as
// the SQL administrator, more silos and Event Hubs partitions, a custom domain on Front Door.
// Required environment variables: ORLEANSSHOP_SQL_ADMIN_GROUP and ORLEANSSHOP_SQL_ADMIN_GROUP_ID (the group's display
// name and object id), ORLEANSSHOP_CUSTOM_DOMAIN (empty for none). The secrets come from environment variables as in
// dev (README.md, "First deployment").
using '../main.bicep'

param environmentName = 'prod'

param deployApps = bool(readEnvironmentVariable('ORLEANSSHOP_DEPLOY_APPS', 'true'))
param imageTag = readEnvironmentVariable('ORLEANSSHOP_IMAGE_TAG')

param zoneRedundant = true
param storageSku = 'Standard_GZRS'
param containerRegistrySku = 'Standard'

param sqlAdministrator = {
  login: readEnvironmentVariable('ORLEANSSHOP_SQL_ADMIN_GROUP')
  objectId: readEnvironmentVariable('ORLEANSSHOP_SQL_ADMIN_GROUP_ID')
  principalType: 'Group'
}

param sql = {
  sku: {
    name: 'GP_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: 4
  }
  autoPauseDelay: -1
  backupStorageRedundancy: 'Geo'
  pointInTimeRestoreDays: 35
  longTermRetention: {
    weekly: 'P5W'
    monthly: 'P12M'
    yearly: 'P5Y'
  }
}

param postgres = {
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  version: '16'
  storageSizeGB: 128
  backupRetentionDays: 35
  geoRedundantBackup: true
  highAvailability: 'ZoneRedundant'
}

param api = {
  cpu: '1.0'
  memory: '2Gi'
  minReplicas: 2
  maxReplicas: 10
  concurrentRequestsPerReplica: 100
  warmupRequests: 20000
}

param silos = {
  cpu: '2.0'
  memory: '4Gi'
  minReplicas: 3
  maxReplicas: 10
  cpuUtilizationPercent: 65
}

param eventHubs = {
  partitionCount: 16
  retentionInDays: 7
  throughputUnits: 2
  maximumThroughputUnits: 10
}

param logs = {
  retentionInDays: 90
  dailyQuotaGb: -1
}

param customDomainHostName = readEnvironmentVariable('ORLEANSSHOP_CUSTOM_DOMAIN')
param wafRateLimitPerMinute = 1000
param seedDemoCatalog = false

param firstAdminEmail = readEnvironmentVariable('ORLEANSSHOP_FIRST_ADMIN_EMAIL', '')

param authSigningKey = readEnvironmentVariable('ORLEANSSHOP_AUTH_SIGNING_KEY', '')
param paymentWebhookSecret = readEnvironmentVariable('ORLEANSSHOP_PAYMENT_WEBHOOK_SECRET', '')
param firstAdminPassword = readEnvironmentVariable('ORLEANSSHOP_FIRST_ADMIN_PASSWORD', '')

// The order mailer (silos): no host, no mailer; the SMTP password goes to Key Vault like the secrets above.
param mail = {
  host: readEnvironmentVariable('ORLEANSSHOP_MAIL_HOST', '')
  port: int(readEnvironmentVariable('ORLEANSSHOP_MAIL_PORT', '587'))
  tls: readEnvironmentVariable('ORLEANSSHOP_MAIL_TLS', 'StartTls')
  from: readEnvironmentVariable('ORLEANSSHOP_MAIL_FROM', '')
  user: readEnvironmentVariable('ORLEANSSHOP_MAIL_USER', '')
}
param mailPassword = readEnvironmentVariable('ORLEANSSHOP_MAIL_PASSWORD', '')
