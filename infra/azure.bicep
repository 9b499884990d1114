// Azure resources for Synergy Register: an App Service plan and web app (Linux, Node 24 LTS) running the one
// Express server (tab, API, Word task pane, bot endpoint); the bot's identity, a user-assigned managed identity
// the web app holds (no bot secret to keep, as in Microsoft's current bot templates); an Azure Bot for that
// identity with its Teams channel; Application Insights for the server's OpenTelemetry. Deployed by the
// Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy); the outputs are written to env/.env.<environment>.

@maxLength(20)
@minLength(4)
@description('Used to name every resource of this deployment.')
param resourceBaseName string

@description('App Service plan SKU: B1 or larger (Always On); S1 or larger to run two instances.')
param webAppSku string = 'B1'

@description('Number of instances, 1 to 10 (a string: the toolkit fills parameters as text); with two or more, the SharePoint store is shared by all (the embedded store is one process).')
param instanceCount string = '1'

@maxLength(42)
@description('The Azure Bot\'s name: the Teams app\'s short name (appPackage/manifest.json name.short).')
param botDisplayName string

@description('Client id of the Entra app (aadApp/create): SSO audience and Graph client.')
param clientId string

@secure()
@description('Client secret of that app, for Graph (aadApp/create writes it to env/.env.<environment>.user).')
param clientSecret string

param tenantId string = subscription().tenantId
param teamsAppId string

@description('SharePoint site that holds the register lists: host,siteCollectionId,webId (README, "Running against a real tenant").')
param graphSiteId string

@allowed(['nl', 'fr', 'en'])
param defaultLanguage string = 'nl'
param municipalityNl string
param municipalityFr string

param location string = resourceGroup().location

var hostName = '${resourceBaseName}.azurewebsites.net'
var publicUrl = 'https://${hostName}'

// The bot's identity: Azure Bot Service trusts tokens of this managed identity, which the web app holds.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-bot'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

// Requests, Graph dependencies, logs and exceptions from the server's OpenTelemetry (src/host/telemetry).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: int(instanceCount)
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/src/server/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // readiness: 200 once the store answers; until then 503, so no request reaches an instance still starting
      healthCheckPath: '/api/health/ready'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_WARMUP_PATH', value: '/api/health/ready' }
        // no stack trace in an error page, no env/.env.local, the safe defaults
        { name: 'NODE_ENV', value: 'production' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        // App Service routes to the port it puts in PORT; the server listens there on all interfaces.
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'TENANT_ID', value: tenantId }
        { name: 'CLIENT_ID', value: clientId }
        { name: 'CLIENT_SECRET', value: clientSecret }
        // the bot signs in as the managed identity (Teams SDK: client id without secret)
        { name: 'BOT_ID', value: botIdentity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMsi' }
        { name: 'STORE', value: 'graph' }
        { name: 'GRAPH_SITE_ID', value: graphSiteId }
        { name: 'DEMO_DATA', value: 'false' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'DEFAULT_LANGUAGE', value: defaultLanguage }
        { name: 'MUNICIPALITY_NL', value: municipalityNl }
        { name: 'MUNICIPALITY_FR', value: municipalityFr }
      ]
    }
  }
}

// The bot registration: Bot Framework delivers Teams activities to /api/messages, signed for the identity's client id.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    // the app's own icon, as the server serves it (the Teams manifest's color icon is the same picture)
    iconUrl: '${publicUrl}/addin/icon-80.png'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botIdentity.properties.clientId
    msaAppMSIResourceId: botIdentity.id
    msaAppTenantId: botIdentity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output APP_ENDPOINT string = publicUrl
output APP_DOMAIN string = hostName
output BOT_ID string = botIdentity.properties.clientId
