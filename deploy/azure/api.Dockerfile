# The API image. From the repository root:
#   docker build -f deploy/azure/api.Dockerfile -t orleansshop/api .
# `dotnet publish api/OrleansShop.Api -c Release -t:PublishContainer` builds the same image without a Docker engine
# (deploy/azure/README.md, "Images").

# The storefront: GraphQL codegen from the contract, vite, precompressed .br/.gz files in web/dist. Built in a Node.js
# stage of its own so that its packages are cached apart from the .NET build; the API's build embeds web/dist when it
# finds the files there and no npm beside it.
FROM node:22-bookworm-slim AS storefront
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/ ./
COPY api/OrleansShop.Api/schema-contract.graphql api/OrleansShop.Api/schema-additions.graphql /src/api/OrleansShop.Api/
RUN npm run build --silent

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=storefront /src/web/dist web/dist/
# Plain Dockerfile syntax (no BuildKit-only features), so builders without BuildKit take it too.
RUN dotnet publish api/OrleansShop.Api/OrleansShop.Api.csproj -c Release -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
# /app belongs to root; embedded mode's SQLite files go where the app user may write (unused on Azure, where state is
# in Azure SQL).
ENV OrleansShop__DataDirectory=/home/app/data
# The image's own non-root user, app (UID 1654); the number lets a platform check runAsNonRoot without reading /etc/passwd.
USER 1654
# ASP.NET Core in this image listens on 8080 (ASPNETCORE_HTTP_PORTS).
EXPOSE 8080
ENTRYPOINT ["dotnet", "OrleansShop.Api.dll"]
