// The GraphQL API as an Orleans cluster client: HTTPS-only external ingress (Front Door's origin), scaled on concurrent
// HTTP requests, running as the apps' user-assigned identity, with which it reads its secrets from Key Vault itself.
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
param minReplicas int
param maxReplicas int

@description('Concurrent HTTP requests per replica above which another replica starts.')
param concurrentRequestsPerReplica int

@description('The app\'s settings (name/value pairs, none secret): those shared with the silos and its own.')
param settings array

param livenessPath string
param readinessPath string

var port = 8080

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
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
        traffic: [
          {
            latestRevision: true
            weight: 100
          }
        ]
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: concat(settings, [
            {
              name: 'OrleansShop__Cluster__Mode'
              value: 'Client'
            }
            {
              name: 'OTEL_SERVICE_NAME'
              value: 'orleansshop-api'
            }
          ])
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: livenessPath
                port: port
              }
              periodSeconds: 5
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: livenessPath
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: readinessPath
                port: port
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
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequestsPerReplica)
              }
            }
          }
        ]
      }
    }
  }
}

output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
