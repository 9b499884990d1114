// Azure resources for Synergy Register: an App Service plan and web app (Linux, Node 24 LTS) running the one
// Express server (tab, API, Word task pane, bot endpoint), and an Azure Bot for the Entra app the toolkit
// created, with its Teams channel. Deployed by the Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy);
// the outputs are written to env/.env.<environment>.

@maxLength(20)
@minLength(4)
@description('Used to name every resource of this deployment.')
param resourceBaseName string

@description('App Service plan SKU: B1 or larger (Always On); S1 or larger to run two instances.')
param webAppSku string = 'B1'

@description('Number of instances, 1 to 10 (a string: the toolkit fills parameters as text); with two or more, the SharePoint store is shared by all (the embedded store is one process).')
param instanceCount string = '1'

@maxLength(42)
param botDisplayName string

@description('Client id of the Entra app (aadApp/create): SSO audience, bot id and Graph client.')
param clientId string

@secure()
@description('Client secret of that app (aadApp/create writes it to env/.env.<environment>.user).')
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
      healthCheckPath: '/api/health'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        // App Service routes to the port it puts in PORT; the server listens there on all interfaces.
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'TENANT_ID', value: tenantId }
        { name: 'CLIENT_ID', value: clientId }
        { name: 'CLIENT_SECRET', value: clientSecret }
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

// The bot registration: Bot Framework delivers Teams activities to /api/messages, signed for clientId.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: clientId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
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
