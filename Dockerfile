# Build with the official SDK image, run on the ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig CustomerCenter.sln ./
COPY CustomerCenter/CustomerCenter.csproj CustomerCenter/
# ReadyToRun: the app and its packages are compiled ahead of time, so a start JITs little (bench/startup/README.md).
# It needs a runtime identifier, in the restore (which fetches the SDK's own crossgen package) and in the publish.
RUN dotnet restore CustomerCenter/CustomerCenter.csproj --runtime linux-x64 -p:PublishReadyToRun=true
COPY CustomerCenter/ CustomerCenter/
COPY wwwroot-embed/ wwwroot-embed/
RUN dotnet publish CustomerCenter/CustomerCenter.csproj --configuration Release --no-restore \
    --runtime linux-x64 --self-contained false -p:PublishReadyToRun=true --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# SQLite file and mail pickup folder live here unless configured otherwise; mount a volume to keep them.
RUN mkdir -p /app/data && chown -R app:app /app/data
VOLUME /app/data
USER app
ENV ASPNETCORE_URLS=http://+:8080
# Orchestrators probe GET /health (200 when the database answers).
EXPOSE 8080
ENTRYPOINT ["dotnet", "CustomerCenter.dll"]
