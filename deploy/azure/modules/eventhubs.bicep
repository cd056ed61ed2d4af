// Event Hubs for the shop's durable domain-event stream: Entra ID only (local SAS auth disabled), TLS 1.2 minimum,
// reachable only through its private endpoint. One hub; the silos read it through their own consumer group.
param name string
param location string
param tags object
param subnetId string
param eventHubsDnsZoneId string

@description('The apps\' user-assigned identity (its name), given Data Sender and Data Receiver on the hub.')
param appIdentityName string

param hubName string

param consumerGroupName string

@description('Partitions of the hub: fixed once created on the Standard tier; Orleans spreads them over the silos.')
@minValue(1)
@maxValue(32)
param partitionCount int

@description('Days events are kept: how long a stopped consumer can be down and still catch up.')
@minValue(1)
@maxValue(7)
param retentionInDays int

@description('Throughput units (each 1 MB/s or 1,000 events/s in): the Event Hubs cost driver.')
@minValue(1)
@maxValue(40)
param throughputUnits int

@description('Let the namespace add throughput units under load, up to this many (0: off).')
@minValue(0)
@maxValue(40)
param maximumThroughputUnits int

var eventHubsDataSender = '2b629674-e913-4c01-ae53-ef4638d8f975'
var eventHubsDataReceiver = 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: throughputUnits
  }
  properties: {
    minimumTlsVersion: '1.2'
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
    isAutoInflateEnabled: maximumThroughputUnits > 0
    maximumThroughputUnits: maximumThroughputUnits
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: hubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: retentionInDays
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hub.id, appIdentity.id, eventHubsDataSender)
  scope: hub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventHubsDataSender)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource receiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hub.id, appIdentity.id, eventHubsDataReceiver)
  scope: hub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventHubsDataReceiver)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module namespaceEndpoint 'private-endpoint.bicep' = {
  name: '${name}-pe'
  params: {
    name: '${name}-pe'
    location: location
    tags: tags
    subnetId: subnetId
    targetResourceId: namespace.id
    groupId: 'namespace'
    privateDnsZoneId: eventHubsDnsZoneId
  }
}

output namespaceName string = namespace.name
// serviceBusEndpoint is https://NAME.servicebus.windows.net:443/ in this cloud; clients want the host alone.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
output hubName string = hub.name
output consumerGroupName string = consumerGroup.name
