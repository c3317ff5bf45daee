#!/usr/bin/env bash
# Regenerates the EF Core compiled models the portal starts on, after any change to an entity, its configuration or
# the contexts (CompiledModelTests fail until this has run). Run from anywhere in the repository:
#   bench/startup/regenerate-compiled-models.sh
# The generated assembly attributes are deleted: the portal picks its model with UseModel (AddDatabase), and without
# the attributes tests, tools and benchmarks that build a context themselves keep building the model from the
# configuration, which is what CompiledModelTests compare against.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
dotnet tool restore >/dev/null
dotnet build CustomerCenter -c Debug -v quiet -nologo
rm -rf CustomerCenter/Data/CompiledModels CustomerCenter/Data/PostgreSqlCompiledModels
dotnet ef dbcontext optimize --no-build --project CustomerCenter --context CustomerCenterDb \
  --output-dir Data/CompiledModels --namespace CustomerCenter.Data.CompiledModels
dotnet ef dbcontext optimize --no-build --project CustomerCenter --context PostgreSqlCustomerCenterDb \
  --output-dir Data/PostgreSqlCompiledModels --namespace CustomerCenter.Data.PostgreSqlCompiledModels
rm -f CustomerCenter/Data/CompiledModels/*AssemblyAttributes.cs CustomerCenter/Data/PostgreSqlCompiledModels/*AssemblyAttributes.cs
echo "Regenerated. Check: dotnet test CustomerCenter.Tests --filter FullyQualifiedName~CompiledModelTests"
