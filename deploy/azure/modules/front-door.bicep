// Azure Front Door Premium in front of the API: a WAF policy in Prevention mode (Microsoft's default rule set, the OWASP
// core rules with Microsoft's additions, and the bot manager rules) with a per-client rate limit; HTTP redirected to
// HTTPS; TLS 1.2 minimum; /graphql never cached; the storefront's content-hashed files cached at the edge.
param namePrefix string
param tags object

@description('The API app\'s ingress host name (Front Door\'s origin).')
param originHostName string

@description('A custom domain for the shop (e.g. shop.example.com); empty: the endpoint\'s azurefd.net name only.')
param customDomainHostName string

@description('Requests per minute from one client address before the WAF blocks it for the rest of the minute.')
param rateLimitPerMinute int

param readinessPath string
param workspaceId string

var endpointName = '${namePrefix}-${uniqueString(resourceGroup().id, namePrefix)}'
var hasCustomDomain = !empty(customDomainHostName)

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  // Letters and digits only.
  name: '${replace(namePrefix, '-', '')}waf'
  location: 'global'
  tags: tags
  sku: {
    // Managed rule sets need the Premium tier; Standard has custom rules only.
    name: 'Premium_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
      customBlockResponseStatusCode: 403
    }
    customRules: {
      rules: [
        {
          name: 'RateLimitPerClientAddress'
          priority: 100
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: rateLimitPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              matchValue: [
                '/'
              ]
            }
          ]
          action: 'Block'
        }
      ]
    }
    managedRules: {
      managedRuleSets: [
        {
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.1'
          ruleSetAction: 'Block'
        }
        {
          ruleSetType: 'Microsoft_BotManagerRuleSet'
          ruleSetVersion: '1.1'
        }
      ]
    }
  }
}

resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: '${namePrefix}-afd'
  location: 'global'
  tags: tags
  sku: {
    name: 'Premium_AzureFrontDoor'
  }
  properties: {
    // GraphQL subscriptions and slow checkouts: longer than the 30 s default.
    originResponseTimeoutSeconds: 60
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource customDomain 'Microsoft.Cdn/profiles/customDomains@2024-09-01' = if (hasCustomDomain) {
  parent: profile
  name: replace(customDomainHostName, '.', '-')
  properties: {
    hostName: customDomainHostName
    tlsSettings: {
      certificateType: 'ManagedCertificate'
      minimumTlsVersion: 'TLS12'
    }
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-09-01' = {
  parent: profile
  name: 'api'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    healthProbeSettings: {
      probePath: readinessPath
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 30
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-09-01' = {
  parent: originGroup
  name: 'api-container-app'
  properties: {
    hostName: originHostName
    // Container Apps routes by host name, so the origin's own name goes with each request.
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

var routeDomains = hasCustomDomain ? [
  {
    id: customDomain.id
  }
] : []

// Every route takes HTTP and HTTPS from clients, redirects HTTP to HTTPS, and reaches the origin over HTTPS only.
// (Spelled out in each route rather than merged from one object, so the compiled template shows the settings.)
resource graphqlRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'graphql'
  dependsOn: [
    origin
  ]
  properties: {
    patternsToMatch: [
      '/graphql'
      '/graphql/*'
    ]
    customDomains: routeDomains
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Http'
      'Https'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
}

// Vite names every file under /assets/ after its content, and the API serves them immutable for a year: safe to keep
// at the edge. Compression stays with the origin, which sends precompressed Brotli and gzip bodies.
resource storefrontAssetsRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'storefront-assets'
  dependsOn: [
    origin
  ]
  properties: {
    patternsToMatch: [
      '/assets/*'
    ]
    cacheConfiguration: {
      queryStringCachingBehavior: 'IgnoreQueryString'
      compressionSettings: {
        isCompressionEnabled: false
      }
    }
    customDomains: routeDomains
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Http'
      'Https'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
}

// Everything else (the storefront's index.html and client routes, the payment sandbox and webhook, health) goes to the
// API uncached; index.html is no-cache at the origin anyway.
resource siteRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'site'
  dependsOn: [
    origin
  ]
  properties: {
    patternsToMatch: [
      '/*'
    ]
    customDomains: routeDomains
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Http'
      'Https'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-09-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: waf.id
      }
      associations: [
        {
          domains: concat([
            {
              id: endpoint.id
            }
          ], routeDomains)
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: profile
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

output endpointHostName string = endpoint.properties.hostName
// Sent to the origin as X-Azure-FDID on every request: the API refuses requests without it (OrleansShop__Proxy__FrontDoorId).
output frontDoorId string = profile.properties.frontDoorId
output customDomainValidationToken string = hasCustomDomain ? customDomain!.properties.validationProperties.validationToken : ''
