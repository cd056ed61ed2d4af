// Logs and telemetry: one Log Analytics workspace (Container Apps console and system logs, diagnostic settings) and a
// workspace-based Application Insights resource on it (traces, metrics and logs from the apps).
param namePrefix string
param location string
param tags object

@description('Days the workspace keeps data; ingestion and retention are what it costs.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB (-1: none); a cap stops collection for the rest of the day once reached.')
param dailyQuotaGb int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Ingestion by connection string (its key only names the resource, it grants no read access); turning this on
    // makes every exporter sign in with Entra ID, which the apps' exporter does not do yet.
    DisableLocalAuth: false
  }
}

output workspaceId string = workspace.id
output appInsightsConnectionString string = appInsights.properties.ConnectionString
