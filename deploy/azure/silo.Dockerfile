# The silo image. From the repository root:
#   docker build -f deploy/azure/silo.Dockerfile -t orleansshop/silo .
# `dotnet publish silo/OrleansShop.Silo -c Release -t:PublishContainer` builds the same image without a Docker engine
# (deploy/azure/README.md, "Images").

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Plain Dockerfile syntax (no BuildKit-only features), so builders without BuildKit take it too.
RUN dotnet publish silo/OrleansShop.Silo/OrleansShop.Silo.csproj -c Release -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
ENV OrleansShop__DataDirectory=/home/app/data
# The image's own non-root user, app (UID 1654).
USER 1654
# 8080: health probes (ASPNETCORE_HTTP_PORTS). 11111 and 30000: Orleans' silo-to-silo and gateway ports, never to be
# published beyond the cluster's private network (neither is authenticated).
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "OrleansShop.Silo.dll"]
