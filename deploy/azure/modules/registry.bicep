// The container registry the apps pull from with their managed identity (AcrPull): no admin user, no anonymous pull.
param name string
param location string
param tags object

@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string

@description('The apps\' user-assigned identity (its name), given AcrPull on this registry.')
param appIdentityName string

var acrPull = '7f951dff-4ed5-4733-bb3f-12c9e6d3bf6f'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, appIdentity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = registry.name
output loginServer string = registry.properties.loginServer
