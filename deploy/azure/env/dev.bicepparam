// A small development environment: one zone, serverless SQL that pauses when idle, the demo catalog seeded.
// The secrets come from environment variables of the shell that deploys (README.md, "First deployment"); unset, the
// values already in Key Vault stay.
using '../main.bicep'

param environmentName = 'dev'

param deployApps = bool(readEnvironmentVariable('ORLEANSSHOP_DEPLOY_APPS', 'true'))
param imageTag = readEnvironmentVariable('ORLEANSSHOP_IMAGE_TAG', 'latest')

param sql = {
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: 1
  }
  autoPauseDelay: 60
  backupStorageRedundancy: 'Local'
  pointInTimeRestoreDays: 7
  longTermRetention: {
    weekly: ''
    monthly: ''
    yearly: ''
  }
}

param postgres = {
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  version: '16'
  storageSizeGB: 32
  backupRetentionDays: 7
  geoRedundantBackup: false
  highAvailability: 'Disabled'
}

param api = {
  cpu: '0.5'
  memory: '1Gi'
  minReplicas: 1
  maxReplicas: 3
  concurrentRequestsPerReplica: 50
  warmupRequests: 2000
}

param silos = {
  cpu: '1.0'
  memory: '2Gi'
  minReplicas: 2
  maxReplicas: 4
  cpuUtilizationPercent: 70
}

param eventHubs = {
  partitionCount: 4
  retentionInDays: 1
  throughputUnits: 1
  maximumThroughputUnits: 0
}

param logs = {
  retentionInDays: 30
  dailyQuotaGb: 2
}

param seedDemoCatalog = true

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
