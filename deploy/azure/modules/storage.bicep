// The Storage account of Orleans' cluster membership (Azure Table clustering) and the stream checkpoints: reachable only
// through its private endpoint, only over HTTPS with TLS 1.2, and only with Entra ID (no shared keys, no SAS).
param name string
param location string
param tags object
param subnetId string
param tableDnsZoneId string

@description('The apps\' user-assigned identity (its name), given Storage Table Data Contributor on this account.')
param appIdentityName string

@description('Locally (LRS), zone (ZRS) or geo-zone (GZRS) redundant.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param skuName string

@description('Tables created up front; Orleans creates missing tables itself, but only with this role in place.')
param tableNames array

var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        table: {
          enabled: true
          keyType: 'Account'
        }
        blob: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageTableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module tableEndpoint 'private-endpoint.bicep' = {
  name: '${name}-table-pe'
  params: {
    name: '${name}-table-pe'
    location: location
    tags: tags
    subnetId: subnetId
    targetResourceId: account.id
    groupId: 'table'
    privateDnsZoneId: tableDnsZoneId
  }
}

output name string = account.name
output tableEndpoint string = account.properties.primaryEndpoints.table
