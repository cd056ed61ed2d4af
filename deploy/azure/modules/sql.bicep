// Azure SQL: grain state and reminders (Orleans' ADO.NET providers). Entra ID authentication only (no SQL logins, so no password
// exists to leak), TLS 1.2 minimum, no public network access: the apps reach it through its private endpoint.
// The apps' managed identity becomes a database user by a one-time T-SQL step (deploy/azure/README.md, "Database user").
param serverName string
param databaseName string
param location string
param tags object
param subnetId string
param sqlDnsZoneId string

@description('The server\'s Entra administrator: a group of operators in production.')
param administrator administratorType

@description('The database\'s SKU, e.g. { name: \'GP_S_Gen5\', tier: \'GeneralPurpose\', family: \'Gen5\', capacity: 2 }.')
param sku object

@description('Serverless only: minutes idle before the database pauses (-1: never).')
param autoPauseDelay int

@description('Zone redundancy (General Purpose and Business Critical tiers in regions with zones).')
param zoneRedundant bool

@description('Local, Zone or Geo: Geo keeps backups restorable in the paired region (geo-restore).')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param backupStorageRedundancy string

@description('Days of point-in-time restore (1-35; 7 is the default).')
@minValue(1)
@maxValue(35)
param pointInTimeRestoreDays int

@description('Long-term retention as ISO 8601 durations, e.g. { weekly: \'P5W\', monthly: \'P12M\', yearly: \'P5Y\' }; empty values: none.')
param longTermRetention longTermRetentionType

@export()
type administratorType = {
  @description('Display name of the Entra user or group.')
  login: string
  @description('Its object id.')
  objectId: string
  principalType: 'User' | 'Group' | 'Application'
}

@export()
type longTermRetentionType = {
  weekly: string
  monthly: string
  yearly: string
}

var serverless = startsWith(sku.name, 'GP_S_')

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    restrictOutboundNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: administrator.login
      sid: administrator.objectId
      principalType: administrator.principalType
      tenantId: tenant().tenantId
    }
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: sku
  properties: {
    zoneRedundant: zoneRedundant
    requestedBackupStorageRedundancy: backupStorageRedundancy
    autoPauseDelay: serverless ? autoPauseDelay : null
    minCapacity: serverless ? json('0.5') : null
  }
}

resource shortTermRetention 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    retentionDays: pointInTimeRestoreDays
    diffBackupIntervalInHours: 12
  }
}

resource longTermRetentionPolicy 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    weeklyRetention: empty(longTermRetention.weekly) ? 'PT0S' : longTermRetention.weekly
    monthlyRetention: empty(longTermRetention.monthly) ? 'PT0S' : longTermRetention.monthly
    yearlyRetention: empty(longTermRetention.yearly) ? 'PT0S' : longTermRetention.yearly
    weekOfYear: 1
  }
}

module sqlEndpoint 'private-endpoint.bicep' = {
  name: '${serverName}-pe'
  params: {
    name: '${serverName}-pe'
    location: location
    tags: tags
    subnetId: subnetId
    targetResourceId: server.id
    groupId: 'sqlServer'
    privateDnsZoneId: sqlDnsZoneId
  }
}

output serverName string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
