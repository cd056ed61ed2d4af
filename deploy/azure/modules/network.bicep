// The private network: a subnet for the Container Apps environment (its apps and the silos' Orleans ports) and one for
// the private endpoints of SQL, PostgreSQL, Storage and Event Hubs, whose names resolve to private addresses through the linked
// private DNS zones.
param namePrefix string
param location string
param tags object

@description('Address space of the virtual network.')
param addressPrefix string

@description('The Container Apps environment\'s subnet (a workload-profiles environment needs at least a /27).')
param appsSubnetPrefix string

@description('The private endpoints\' subnet.')
param privateEndpointsSubnetPrefix string

// The zones Azure resolves each service's private link name in, for this cloud. An array, so that each output below can
// name its zone by position: items() of an object does not keep the order the keys are written in.
var privateDnsZoneNames = [
  'privatelink${environment().suffixes.sqlServerHostname}'
  'privatelink.table.${environment().suffixes.storage}'
  'privatelink.servicebus.windows.net'
  'privatelink.postgres.database.azure.com'
]

// Orleans' silo-to-silo and gateway ports carry no authentication: they must never be reachable from outside the
// virtual network. The default rules already deny them; this rule says so where a reviewer looks, and wins over any
// allow rule added later with a larger priority number.
resource appsNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${namePrefix}-apps-nsg'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'deny-orleans-ports-from-internet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Deny'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRanges: [
            '11111'
            '30000'
          ]
        }
      }
      {
        name: 'allow-orleans-ports-within-apps-subnet'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: appsSubnetPrefix
          sourcePortRange: '*'
          destinationAddressPrefix: appsSubnetPrefix
          destinationPortRanges: [
            '11111'
            '30000'
          ]
        }
      }
      // The API's ingress answers Front Door's back ends only: a request around Front Door would skip the WAF and its rate
      // limit. Container Apps' own IP restrictions take address ranges only, not service tags, so the subnet's rules do it;
      // any Front Door profile is in the tag, so the API also checks that X-Azure-FDID names this one.
      {
        name: 'allow-https-from-front-door-to-api-ingress'
        properties: {
          priority: 200
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'AzureFrontDoor.Backend'
          sourcePortRange: '*'
          destinationAddressPrefix: appsSubnetPrefix
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
      {
        name: 'deny-http-from-internet'
        properties: {
          priority: 210
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'container-apps'
        properties: {
          addressPrefix: appsSubnetPrefix
          networkSecurityGroup: {
            id: appsNsg.id
          }
          delegations: [
            {
              name: 'container-apps-environments'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointsSubnetPrefix
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for zone in privateDnsZoneNames: {
  name: zone
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (zone, i) in privateDnsZoneNames: {
  parent: zones[i]
  name: '${namePrefix}-vnet'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}]

output vnetId string = vnet.id
output appsSubnetId string = vnet.properties.subnets[0].id
output privateEndpointsSubnetId string = vnet.properties.subnets[1].id
output sqlDnsZoneId string = zones[0].id
output tableDnsZoneId string = zones[1].id
output eventHubsDnsZoneId string = zones[2].id
output postgresDnsZoneId string = zones[3].id
