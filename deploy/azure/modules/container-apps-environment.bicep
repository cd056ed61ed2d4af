// The Container Apps environment, integrated in the virtual network: apps run in its subnet, reach SQL, Storage and
// Event Hubs through their private endpoints, and silos reach each other's Orleans ports there. Logs go to Log
// Analytics through diagnostic settings (no workspace key in the template).
param name string
param location string
param tags object
param infrastructureSubnetId string
param workspaceId string

@description('Spread replicas over availability zones (the subnet\'s region must have zones).')
param zoneRedundant bool

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      // External: the API app's ingress has a public address (Front Door's origin); apps without ingress, the silos,
      // have none.
      internal: false
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: zoneRedundant
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: environment
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

output id string = environment.id
output defaultDomain string = environment.properties.defaultDomain
