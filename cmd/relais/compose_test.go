package main

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/config"
)

// TestDockerCompose loads docker-compose.yml the way docker compose does
// (there is no Docker engine on our machines) and checks the services, the
// PostgreSQL healthcheck, and that every variable it sets for relais is one
// that relais reads.
func TestDockerCompose(t *testing.T) {
	t.Parallel()
	path, err := filepath.Abs("../../docker-compose.yml")
	require.NoError(t, err)
	project, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  filepath.Dir(path),
		ConfigFiles: []types.ConfigFile{{Filename: path}},
		Environment: types.Mapping{"RELAIS_SECRET_KEY": strings.Repeat("ab", 32)},
	}, func(o *loader.Options) { o.SetProjectName("relais", true) })
	require.NoError(t, err)

	relais, err := project.GetService("relais")
	require.NoError(t, err)
	require.NotNil(t, relais.Build, "relais is built from the repository's Dockerfile")
	require.Equal(t, types.ServiceConditionHealthy, relais.DependsOn["postgres"].Condition)
	require.Contains(t, *relais.Environment["RELAIS_DATABASE_URL"], "@postgres:5432/")

	pg, err := project.GetService("postgres")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(pg.Image, "postgres:16"), pg.Image)
	require.NotNil(t, pg.HealthCheck)
	require.Contains(t, strings.Join(pg.HealthCheck.Test, " "), "pg_isready")
	_, err = project.GetService("mailpit")
	require.NoError(t, err, "a mail catcher for local use")

	read := envRead(t)
	for name := range relais.Environment {
		require.True(t, read[name], "docker-compose.yml sets %s, which relais never reads", name)
	}
	requireReplicas(t, project, relais)
}

// requireReplicas: two relais replicas on the same database with their
// own names, behind a reverse proxy (an official image) that spreads
// requests over both and alone publishes a port; relais believes its
// X-Forwarded-For (the login limiter counts clients, not the proxy).
func requireReplicas(t *testing.T, project *types.Project, relais types.ServiceConfig) {
	second, err := project.GetService("relais-2")
	require.NoError(t, err, "a second replica")
	require.Equal(t, *relais.Environment["RELAIS_DATABASE_URL"], *second.Environment["RELAIS_DATABASE_URL"], "one database")
	require.Equal(t, *relais.Environment["RELAIS_SECRET_KEY"], *second.Environment["RELAIS_SECRET_KEY"], "one secret key")
	require.NotEqual(t, *relais.Environment["RELAIS_REPLICA_ID"], *second.Environment["RELAIS_REPLICA_ID"], "replicas named apart")
	require.Empty(t, relais.Ports, "replicas are reached through the proxy")
	require.Empty(t, second.Ports, "replicas are reached through the proxy")
	proxy, err := project.GetService("proxy")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(proxy.Image, "caddy:"), proxy.Image)
	cmd := strings.Join(proxy.Command, " ")
	require.Contains(t, cmd, "--to relais:8080")
	require.Contains(t, cmd, "--to relais-2:8080")
	require.Len(t, proxy.Ports, 1)
	ip := proxy.Networks["relais"].Ipv4Address
	require.NotEmpty(t, ip)
	require.Equal(t, ip, *relais.Environment["RELAIS_TRUSTED_PROXIES"], "relais trusts the proxy's forwarded addresses")
}

// envRead returns the environment variables relais reads: string literals
// passed to os.Getenv, os.LookupEnv or envOr in cmd/relais, and every name
// config.Load asks for.
func envRead(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	read := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !isEnvCall(call.Fun) {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				name, _ := strconv.Unquote(lit.Value)
				read[name] = true
			}
			return true
		})
	}
	// Every other variable is read by the config package: ask it which.
	_, _ = config.Load(func(name string) (string, bool) {
		read[name] = true
		return "", false
	})
	require.True(t, read["RELAIS_DATABASE_URL"], "the config package reads relais's variables")
	return read
}

func isEnvCall(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "envOr"
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "os" && (f.Sel.Name == "Getenv" || f.Sel.Name == "LookupEnv")
	}
	return false
}
