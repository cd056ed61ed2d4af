// The Orleans silos: no ingress at all (nothing outside the environment reaches them), scaled on CPU. Each replica
// listens on the silo port (11111, other silos) and the gateway port (30000, the API's cluster client) inside the
// environment's network, and on 8080 for its health probes.
param name string
param location string
param tags object
param environmentId string
param identityId string
param registryServer string
param image string

@description('vCPU of one replica, as a string (json() turns it into a number): 0.25 to 4.')
param cpu string
param memory string

@description('At least two, so a silo lost or replaced during an upgrade leaves the grains a place to run.')
@minValue(2)
param minReplicas int
param maxReplicas int

@description('Average CPU utilization (percent of the replica\'s vCPU) above which another silo starts.')
param cpuUtilizationPercent int

@description('Settings shared with the API (name/value pairs, none secret: the app reads its secrets from Key Vault itself).')
param sharedSettings array

@description('The order mailer\'s settings (none secret: the password is in Key Vault); empty: no mailer.')
param mailSettings array

@description('The API\'s address, where order grains reach the payment sandbox.')
param paymentSandboxBaseUrl string

param livenessPath string
param readinessPath string

var healthPort = 8080
var siloPort = 11111
var gatewayPort = 30000

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      // Time for a stopping silo to hand its grains over and leave the membership table before it is killed.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'silo'
          image: image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: concat(sharedSettings, mailSettings, [
            {
              // Each replica's own address goes into the membership table; no template can know it.
              name: 'OrleansShop__Cluster__AdvertisedAddress'
              value: 'auto'
            }
            {
              name: 'OrleansShop__Cluster__SiloPort'
              value: string(siloPort)
            }
            {
              name: 'OrleansShop__Cluster__GatewayPort'
              value: string(gatewayPort)
            }
            {
              name: 'OrleansShop__Payments__Sandbox__BaseUrl'
              value: paymentSandboxBaseUrl
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'orleansshop-silo'
            }
          ])
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: livenessPath
                port: healthPort
              }
              periodSeconds: 5
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: livenessPath
                port: healthPort
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: readinessPath
                port: healthPort
              }
              periodSeconds: 5
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'cpu'
            custom: {
              type: 'cpu'
              metadata: {
                type: 'Utilization'
                value: string(cpuUtilizationPercent)
              }
            }
          }
        ]
      }
    }
  }
}

output name string = app.name
