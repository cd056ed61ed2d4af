// OrleansShop on Azure: one resource group per environment (dev, prod), deployed with
//   az deployment group create -g RG -f deploy/azure/main.bicep -p deploy/azure/env/ENV.bicepparam
// The runbook is deploy/azure/README.md. No secret value lives in this file or in the parameter files: the three
// secrets arrive as @secure() parameters (read from environment variables by the .bicepparam files) and are written to
// Key Vault; the apps read the vault themselves (OrleansShop__KeyVault__Uri), at start-up and every 5 minutes after.
// The SMTP password of the order mailer is a fourth secret of the same kind (mailPassword).
import { administratorType, longTermRetentionType } from 'modules/sql.bicep'
import { skuType as postgresSkuType } from 'modules/postgres.bicep'

@description('The environment\'s short name: part of every resource name and of the Orleans cluster id.')
@minLength(2)
@maxLength(5)
param environmentName string

param location string = resourceGroup().location

@description('Lower-case letters and digits; starts every resource name.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'orleansshop'

@description('False for the very first deployment, before the images are in the registry this deployment creates.')
param deployApps bool = true

@description('The tag of the orleansshop/api and orleansshop/silo images to run.')
param imageTag string = 'latest'

@description('Address space of the virtual network and its two subnets.')
param network networkType = {
  addressPrefix: '10.40.0.0/16'
  appsSubnetPrefix: '10.40.0.0/23'
  privateEndpointsSubnetPrefix: '10.40.2.0/24'
}

@description('The Entra administrator of the SQL server and of the PostgreSQL server; by default whoever runs the deployment.')
param sqlAdministrator administratorType = {
  login: deployer().userPrincipalName
  objectId: deployer().objectId
  principalType: 'User'
}

param sql sqlType

@description('Azure Database for PostgreSQL, where the read models live (Azure SQL has none).')
param postgres postgresType

@description('The read models\' PostgreSQL server by name; empty: the one this template names. After a point-in-time restore, the restored server (README.md, "Backup and point-in-time restore").')
param postgresServerName string = ''

param api apiType

param silos siloType

param eventHubs eventHubsType

@description('Standard_LRS, Standard_ZRS or Standard_GZRS for the membership and checkpoint tables.')
param storageSku string = 'Standard_LRS'

param containerRegistrySku string = 'Basic'

param zoneRedundant bool = false

param logs logsType = {
  retentionInDays: 30
  dailyQuotaGb: -1
}

@description('A custom domain for Front Door (e.g. shop.example.com); empty: the azurefd.net name only.')
param customDomainHostName string = ''

@description('Requests per minute from one client address that the WAF lets through.')
param wafRateLimitPerMinute int = 1000

@description('Seed the demo catalog on first start.')
param seedDemoCatalog bool = false

@description('The first administrator\'s e-mail, created at start-up with the password in Key Vault; empty: none.')
param firstAdminEmail string = ''

@description('Where the apps export OpenTelemetry over OTLP (a collector in the environment); empty: not set.')
param otlpEndpoint string = ''

@description('Health endpoints the probes and Front Door call.')
param livenessPath string = '/health/live'
param readinessPath string = '/health/ready'

@description('HS256 key for access tokens, at least 32 bytes; empty: keep the one in Key Vault.')
@secure()
param authSigningKey string = ''

@description('Shared secret of the payment sandbox\'s signed notifications; empty: keep the one in Key Vault.')
@secure()
param paymentWebhookSecret string = ''

@description('The first administrator\'s password; empty: keep the one in Key Vault.')
@secure()
param firstAdminPassword string = ''

@description('The order mailer\'s SMTP server, set on the silos (they drain the notification outbox); an empty host: no mailer, and order notifications wait in the outbox.')
param mail mailType = {
  host: ''
  port: 587
  tls: 'StartTls'
  from: ''
  user: ''
}

@description('The SMTP password of mail.user; empty: keep the one in Key Vault.')
@secure()
param mailPassword string = ''

type networkType = {
  addressPrefix: string
  @description('At least a /27; a /23 leaves room for many replicas.')
  appsSubnetPrefix: string
  privateEndpointsSubnetPrefix: string
}

type sqlType = {
  @description('e.g. { name: \'GP_S_Gen5\', tier: \'GeneralPurpose\', family: \'Gen5\', capacity: 2 }')
  sku: object
  @description('Serverless only: idle minutes before pausing, -1: never.')
  autoPauseDelay: int
  backupStorageRedundancy: 'Local' | 'Zone' | 'Geo'
  pointInTimeRestoreDays: int
  longTermRetention: longTermRetentionType
}

type postgresType = {
  @description('e.g. { name: \'Standard_B1ms\', tier: \'Burstable\' }')
  sku: postgresSkuType
  version: string
  storageSizeGB: int
  @description('Days of point-in-time restore, 7-35.')
  backupRetentionDays: int
  @description('Backups restorable in the paired region; set when the server is created, not changed after.')
  geoRedundantBackup: bool
  highAvailability: 'Disabled' | 'ZoneRedundant'
}

type apiType = {
  cpu: string
  memory: string
  minReplicas: int
  maxReplicas: int
  concurrentRequestsPerReplica: int
  @description('Catalog reads a new replica runs on itself before it reports ready (OrleansShop:Warmup:Requests); 0: none. It takes load only once warm, and the reads cost the silos and the read models about what its first seconds of traffic would.')
  warmupRequests: int
}

type siloType = {
  cpu: string
  memory: string
  minReplicas: int
  maxReplicas: int
  cpuUtilizationPercent: int
}

type eventHubsType = {
  partitionCount: int
  retentionInDays: int
  throughputUnits: int
  maximumThroughputUnits: int
}

type mailType = {
  @description('The SMTP server\'s host name; empty: no mailer.')
  host: string
  @minValue(1)
  @maxValue(65535)
  port: int
  @description('StartTls (587, the server must offer it), Implicit (465), StartTlsWhenAvailable, or None (a relay on a private network only).')
  tls: 'StartTls' | 'Implicit' | 'StartTlsWhenAvailable' | 'None'
  @description('The sender, shop@example.com or "Example Shop" <shop@example.com>; required with a host.')
  from: string
  @description('The SMTP sign-in; empty: none (a relay). Its password is the Key Vault secret OrleansShop--Mail--Password.')
  user: string
}

type logsType = {
  retentionInDays: int
  dailyQuotaGb: int
}

var prefix = '${namePrefix}-${environmentName}'
var identityName = '${prefix}-id'
var suffix = uniqueString(resourceGroup().id, environmentName)
var tags = {
  application: 'orleansshop'
  environment: environmentName
}

// Container Apps gives an app with external ingress the host name APP.DEFAULTDOMAIN, so Front Door and the silos can be
// pointed at the API before it exists (the first deployment creates no apps).
var apiAppName = '${prefix}-api'
var siloAppName = '${prefix}-silo'

// Orleans' membership table keeps one row per silo of this cluster; rolling upgrades join the same cluster id.
var clusterId = 'orleansshop-${environmentName}'
var clusteringTable = 'OrleansSiloInstances'

// A secret's name is the configuration key it sets, '--' standing for ':' (Key Vault names allow letters, digits and
// dashes only): the apps' Key Vault configuration provider maps it back. Rotation adds more of the same kind, e.g.
// OrleansShop--Auth--PreviousSigningKeys--0 (README.md, "Secret rotation").
var secretNames = {
  authSigningKey: 'OrleansShop--Auth--SigningKey'
  paymentWebhookSecret: 'OrleansShop--Payments--Sandbox--WebhookSecret'
  firstAdminPassword: 'OrleansShop--Admin--Password'
  mailPassword: 'OrleansShop--Mail--Password'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    retentionInDays: logs.retentionInDays
    dailyQuotaGb: logs.dailyQuotaGb
  }
}

module vnet 'modules/network.bicep' = {
  name: 'network'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    addressPrefix: network.addressPrefix
    appsSubnetPrefix: network.appsSubnetPrefix
    privateEndpointsSubnetPrefix: network.privateEndpointsSubnetPrefix
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: 'cr${namePrefix}${environmentName}${take(suffix, 6)}'
    location: location
    tags: tags
    sku: containerRegistrySku
    appIdentityName: identityName
  }
  // The modules find the identity by name, so they wait for it explicitly.
  dependsOn: [
    identity
  ]
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${environmentName}-${suffix}'
    location: location
    tags: tags
    appIdentityName: identityName
    softDeleteRetentionInDays: 90
    secretValues: {
      '${secretNames.authSigningKey}': authSigningKey
      '${secretNames.paymentWebhookSecret}': paymentWebhookSecret
      '${secretNames.firstAdminPassword}': firstAdminPassword
      '${secretNames.mailPassword}': mailPassword
    }
  }
  // The modules find the identity by name, so they wait for it explicitly.
  dependsOn: [
    identity
  ]
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${namePrefix}${environmentName}${take(suffix, 6)}'
    location: location
    tags: tags
    subnetId: vnet.outputs.privateEndpointsSubnetId
    tableDnsZoneId: vnet.outputs.tableDnsZoneId
    appIdentityName: identityName
    skuName: storageSku
    tableNames: [
      clusteringTable
    ]
  }
  // The modules find the identity by name, so they wait for it explicitly.
  dependsOn: [
    identity
  ]
}

module database 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    serverName: '${prefix}-sql-${take(suffix, 6)}'
    databaseName: 'orleansshop'
    location: location
    tags: tags
    subnetId: vnet.outputs.privateEndpointsSubnetId
    sqlDnsZoneId: vnet.outputs.sqlDnsZoneId
    administrator: sqlAdministrator
    sku: sql.sku
    autoPauseDelay: sql.autoPauseDelay
    zoneRedundant: zoneRedundant
    backupStorageRedundancy: sql.backupStorageRedundancy
    pointInTimeRestoreDays: sql.pointInTimeRestoreDays
    longTermRetention: sql.longTermRetention
  }
}

module readModelDatabase 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    serverName: empty(postgresServerName) ? '${prefix}-psql-${take(suffix, 6)}' : postgresServerName
    databaseName: 'readmodels'
    location: location
    tags: tags
    subnetId: vnet.outputs.privateEndpointsSubnetId
    postgresDnsZoneId: vnet.outputs.postgresDnsZoneId
    administrator: sqlAdministrator
    sku: postgres.sku
    version: postgres.version
    storageSizeGB: postgres.storageSizeGB
    backupRetentionDays: postgres.backupRetentionDays
    geoRedundantBackup: postgres.geoRedundantBackup
    highAvailability: postgres.highAvailability
  }
}

module streams 'modules/eventhubs.bicep' = {
  name: 'eventhubs'
  params: {
    name: '${prefix}-evhns-${take(suffix, 6)}'
    location: location
    tags: tags
    subnetId: vnet.outputs.privateEndpointsSubnetId
    eventHubsDnsZoneId: vnet.outputs.eventHubsDnsZoneId
    appIdentityName: identityName
    hubName: 'domain-events'
    consumerGroupName: 'silos'
    partitionCount: eventHubs.partitionCount
    retentionInDays: eventHubs.retentionInDays
    throughputUnits: eventHubs.throughputUnits
    maximumThroughputUnits: eventHubs.maximumThroughputUnits
  }
  // The modules find the identity by name, so they wait for it explicitly.
  dependsOn: [
    identity
  ]
}

module appsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  params: {
    name: '${prefix}-cae'
    location: location
    tags: tags
    infrastructureSubnetId: vnet.outputs.appsSubnetId
    workspaceId: monitoring.outputs.workspaceId
    zoneRedundant: zoneRedundant
  }
}

var apiHostName = '${apiAppName}.${appsEnvironment.outputs.defaultDomain}'

// Entra ID sign-in as the user-assigned identity: the connection string names the identity, it holds no password.
var sqlConnectionString = 'Server=tcp:${database.outputs.fullyQualifiedDomainName},1433;Database=${database.outputs.databaseName};Authentication=Active Directory Managed Identity;User Id=${identity.outputs.clientId};Encrypt=True;TrustServerCertificate=False;Connection Timeout=30'

// The same identity on PostgreSQL: its role is named after it, and the application sends its Entra token as the password
// (OrleansShop__ReadModels__Authentication=ManagedIdentity), so the connection string holds none. VerifyFull: Npgsql's
// Require encrypts but accepts any certificate, and a token must only go to the server it was meant for.
var readModelConnectionString = 'Host=${readModelDatabase.outputs.fullyQualifiedDomainName};Port=5432;Database=${readModelDatabase.outputs.databaseName};Username=${identityName};SSL Mode=VerifyFull'

var sharedSettings = concat([
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    // Azure.Identity's DefaultAzureCredential signs in as this user-assigned identity.
    name: 'AZURE_CLIENT_ID'
    value: identity.outputs.clientId
  }
  {
    // Every enabled secret of the vault becomes configuration (names above), read again every 5 minutes, so a rotated
    // secret reaches running replicas without a restart; nothing secret is in the apps' own settings.
    name: 'OrleansShop__KeyVault__Uri'
    value: vault.outputs.uri
  }
  {
    name: 'OrleansShop__Storage__Provider'
    value: 'sqlserver'
  }
  {
    name: 'OrleansShop__Storage__ConnectionString'
    value: sqlConnectionString
  }
  {
    name: 'OrleansShop__ReadModels__Provider'
    value: 'postgres'
  }
  {
    name: 'OrleansShop__ReadModels__ConnectionString'
    value: readModelConnectionString
  }
  {
    name: 'OrleansShop__ReadModels__Authentication'
    value: 'ManagedIdentity'
  }
  {
    name: 'OrleansShop__Cluster__Enabled'
    value: 'true'
  }
  {
    name: 'OrleansShop__Cluster__ClusterId'
    value: clusterId
  }
  {
    name: 'OrleansShop__Cluster__ServiceId'
    value: 'orleansshop'
  }
  {
    name: 'OrleansShop__Cluster__Provider'
    value: 'AzureStorage'
  }
  {
    name: 'OrleansShop__Cluster__AzureStorage__TableServiceUri'
    value: storage.outputs.tableEndpoint
  }
  {
    name: 'OrleansShop__Streams__Provider'
    value: 'EventHubs'
  }
  {
    name: 'OrleansShop__Streams__EventHubs__FullyQualifiedNamespace'
    value: streams.outputs.fullyQualifiedNamespace
  }
  {
    name: 'OrleansShop__Streams__EventHubs__EventHubName'
    value: streams.outputs.hubName
  }
  {
    name: 'OrleansShop__Streams__EventHubs__ConsumerGroup'
    value: streams.outputs.consumerGroupName
  }
  {
    name: 'OrleansShop__Dashboard__Enabled'
    value: 'false'
  }
  {
    name: 'OrleansShop__Demo__Seed'
    value: string(seedDemoCatalog)
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.appInsightsConnectionString
  }
], empty(otlpEndpoint) ? [] : [
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
    value: otlpEndpoint
  }
])

// Client -> Front Door -> the environment's ingress (Envoy, in the apps subnet) -> the API. Front Door appends its client's
// address to X-Forwarded-For and Envoy appends Front Door's, so the client is two hops from the right; the Front Door hop
// is believed only on requests carrying this profile's X-Azure-FDID, and the API refuses every other request.
var proxySettings = [
  {
    name: 'OrleansShop__Proxy__TrustedNetworks'
    value: network.appsSubnetPrefix
  }
  {
    name: 'OrleansShop__Proxy__ForwardLimit'
    value: '2'
  }
  {
    name: 'OrleansShop__Proxy__FrontDoorId'
    value: frontDoor.outputs.frontDoorId
  }
]

var apiSettings = concat(sharedSettings, proxySettings, empty(firstAdminEmail) ? [] : [
  {
    // Its password comes from the vault (OrleansShop--Admin--Password).
    name: 'OrleansShop__Admin__Email'
    value: firstAdminEmail
  }
], api.warmupRequests <= 0 ? [] : [
  {
    // The app scales out on HTTP load: a cold replica would serve its first 20-30 s at a fraction of its rate.
    name: 'OrleansShop__Warmup__Requests'
    value: string(api.warmupRequests)
  }
])

// The order mailer runs on the silos only: the API is a cluster client and has no outbox to drain. Without a host the
// silos run no mailer and notifications wait in the outbox until one is set. The password is not here: the silos read it
// from the vault (OrleansShop--Mail--Password) with the other secrets.
var mailSettings = empty(mail.host) ? [] : concat([
  {
    name: 'OrleansShop__Mail__Host'
    value: mail.host
  }
  {
    name: 'OrleansShop__Mail__Port'
    value: string(mail.port)
  }
  {
    name: 'OrleansShop__Mail__Tls'
    value: mail.tls
  }
  {
    name: 'OrleansShop__Mail__From'
    value: mail.from
  }
], empty(mail.user) ? [] : [
  {
    name: 'OrleansShop__Mail__User'
    value: mail.user
  }
])

module apiApp 'modules/api-app.bicep' = if (deployApps) {
  name: 'api-app'
  params: {
    name: apiAppName
    location: location
    tags: tags
    environmentId: appsEnvironment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    image: '${registry.outputs.loginServer}/orleansshop/api:${imageTag}'
    cpu: api.cpu
    memory: api.memory
    minReplicas: api.minReplicas
    maxReplicas: api.maxReplicas
    concurrentRequestsPerReplica: api.concurrentRequestsPerReplica
    settings: apiSettings
    livenessPath: livenessPath
    readinessPath: readinessPath
  }
}

module siloApp 'modules/silo-app.bicep' = if (deployApps) {
  name: 'silo-app'
  params: {
    name: siloAppName
    location: location
    tags: tags
    environmentId: appsEnvironment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    image: '${registry.outputs.loginServer}/orleansshop/silo:${imageTag}'
    cpu: silos.cpu
    memory: silos.memory
    minReplicas: silos.minReplicas
    maxReplicas: silos.maxReplicas
    cpuUtilizationPercent: silos.cpuUtilizationPercent
    sharedSettings: sharedSettings
    mailSettings: mailSettings
    paymentSandboxBaseUrl: 'https://${apiHostName}/'
    livenessPath: livenessPath
    readinessPath: readinessPath
  }
}

module frontDoor 'modules/front-door.bicep' = {
  name: 'front-door'
  params: {
    namePrefix: prefix
    tags: tags
    originHostName: apiHostName
    customDomainHostName: customDomainHostName
    rateLimitPerMinute: wafRateLimitPerMinute
    readinessPath: readinessPath
    workspaceId: monitoring.outputs.workspaceId
  }
}

output frontDoorHostName string = frontDoor.outputs.endpointHostName
output customDomainValidationToken string = frontDoor.outputs.customDomainValidationToken
output apiHostName string = apiHostName
output containerRegistry string = registry.outputs.loginServer
output keyVaultName string = vault.outputs.name
output sqlServer string = database.outputs.fullyQualifiedDomainName
output sqlServerName string = database.outputs.serverName
output sqlDatabase string = database.outputs.databaseName
output postgresServer string = readModelDatabase.outputs.fullyQualifiedDomainName
output postgresServerName string = readModelDatabase.outputs.serverName
output postgresDatabase string = readModelDatabase.outputs.databaseName
output identityName string = identity.outputs.name
output identityClientId string = identity.outputs.clientId
output storageAccount string = storage.outputs.name
output eventHubsNamespace string = streams.outputs.namespaceName
