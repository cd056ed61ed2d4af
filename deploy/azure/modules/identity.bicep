// The one identity both apps run as: it pulls images, reads Key Vault secrets, and signs in to SQL, Storage and Event
// Hubs, so no connection string anywhere holds a password or key.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
