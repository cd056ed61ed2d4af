// Azure Database for PostgreSQL flexible server: the read models (catalog search, admin order and customer lists, the
// notification outbox), which the application writes for SQLite and PostgreSQL only. Entra ID authentication only (no
// password exists to leak: the apps send their managed identity's token as the password), TLS 1.2 minimum and required,
// no public network access: the apps reach it through its private endpoint, as they reach Azure SQL.
// The apps' managed identity becomes a PostgreSQL role by a one-time step (deploy/azure/README.md, "Database users").
import { administratorType } from 'sql.bicep'

param serverName string
param databaseName string
param location string
param tags object
param subnetId string
param postgresDnsZoneId string

@description('The server\'s Entra administrator: a group of operators in production.')
param administrator administratorType

@description('Compute, e.g. { name: \'Standard_B1ms\', tier: \'Burstable\' } or { name: \'Standard_D2ds_v5\', tier: \'GeneralPurpose\' }.')
param sku skuType

@description('PostgreSQL major version.')
param version string

@description('Storage in GiB (grows by itself when nearly full).')
param storageSizeGB int

@description('Days of point-in-time restore (7-35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Keep backups restorable in the paired region (geo-restore); fixed when the server is created.')
param geoRedundantBackup bool

@description('ZoneRedundant: a standby in another zone takes over within minutes (General Purpose or Memory Optimized tiers only).')
param highAvailability 'Disabled' | 'ZoneRedundant'

@export()
type skuType = {
  name: string
  tier: 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: sku
  properties: {
    version: version
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: highAvailability
    }
    network: {
      publicNetworkAccess: 'Disabled'
    }
  }
}

// A flexible server takes one change at a time: the administrator, the two settings and the database go one after another.
resource entraAdministrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: administrator.objectId
  properties: {
    principalName: administrator.login
    principalType: administrator.principalType == 'Application' ? 'ServicePrincipal' : administrator.principalType
    tenantId: tenant().tenantId
  }
}

resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [
    entraAdministrator
  ]
}

resource minimumTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    requireTls
  ]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    minimumTls
  ]
}

module postgresEndpoint 'private-endpoint.bicep' = {
  name: '${serverName}-pe'
  params: {
    name: '${serverName}-pe'
    location: location
    tags: tags
    subnetId: subnetId
    targetResourceId: server.id
    groupId: 'postgresqlServer'
    privateDnsZoneId: postgresDnsZoneId
  }
  dependsOn: [
    database
  ]
}

output serverName string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
