// Key Vault for the apps' secrets (token signing key, payment webhook secret, first administrator's password): access by
// Azure RBAC only (no access policies), soft delete with purge protection, so a deleted secret or vault can be
// recovered and cannot be purged early. The apps read the secrets themselves as their identity (OrleansShop:KeyVault:Uri).
param name string
param location string
param tags object

@description('The apps\' user-assigned identity (its name), given Key Vault Secrets User on this vault.')
param appIdentityName string

@description('Days a deleted secret or vault can be recovered (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Secrets written by this deployment: name to value, each value empty to keep what the vault holds.')
@secure()
param secretValues object

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    // The vault keeps its public endpoint: reaching it through a private endpoint from the apps was not verified, and an
    // app that cannot read the vault does not start. Every call still needs an Entra token and an RBAC role (README.md,
    // "Key Vault network").
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [for secret in items(secretValues): if (!empty(secret.value)) {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
    contentType: 'text/plain'
  }
}]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
