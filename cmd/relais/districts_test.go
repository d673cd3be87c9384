package main

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/config"
)

// threeDistricts is a campaign of three districts, not in Paris.
const threeDistricts = `{"districts": [
  {"id": "nord", "name": "Quartier Nord", "short": "Nord", "order": 1, "seats": 5, "postcodes": ["59000"], "tile": {"row": 1, "col": 1}},
  {"id": "centre", "name": "Quartier Centre", "short": "Ctr", "order": 2, "seats": 7, "postcodes": ["59800"], "tile": {"row": 2, "col": 1}},
  {"id": "sud", "name": "Quartier Sud", "short": "Sud", "order": 3, "seats": 4, "postcodes": ["59100"], "tile": {"row": 3, "col": 2}}
]}`

// TestCustomDistrictsFile (issue 13 item 5): a campaign whose
// RELAIS_DISTRICTS file names three districts sees those, and no Paris
// sector, on the map, a district's page, the settings and the weekly
// report.
func TestCustomDistrictsFile(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "districts.json")
	require.NoError(t, os.WriteFile(file, []byte(threeDistricts), 0o600))
	tm := mustRunMainWith(t, "sqlite", func(m *Main) {
		cfg, err := config.Load(func(name string) (string, bool) {
			if name == "RELAIS_DISTRICTS" {
				return file, true
			}
			return os.LookupEnv(name)
		})
		require.NoError(t, err)
		m.cfg = cfg
	})
	tm.member("admin@example.org", "admin")
	web := MustSignIn(t, tm, "admin@example.org")
	for _, page := range []string{"/map", "/settings/members", "/reports/weekly"} {
		status, _, body := web.do("GET", page, "", "")
		require.Equal(t, http.StatusOK, status, page)
		for _, name := range []string{"Quartier Nord", "Quartier Centre", "Quartier Sud"} {
			require.Contains(t, body, name, page)
		}
		require.NotContains(t, body, "Paris Centre", page)
		require.NotContains(t, body, "11e arrondissement", page)
	}
	status, _, body := web.do("GET", "/districts/sud", "", "")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "Quartier Sud")
	status, _, _ = web.do("GET", "/districts/11e", "", "")
	require.Equal(t, http.StatusNotFound, status, "no Paris sector")
}

// TestBadDistrictsFileRefused: a districts file with errors stops relais,
// naming RELAIS_DISTRICTS.
func TestBadDistrictsFileRefused(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "districts.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"districts": [{"id": "a", "name": "A", "tile": {"row": 0, "col": 1}}]}`), 0o600))
	_, err := config.Load(func(name string) (string, bool) {
		return map[string]string{"RELAIS_DISTRICTS": file, "RELAIS_TIMEZONE": "Nowhere/Else"}[name], name == "RELAIS_DISTRICTS" || name == "RELAIS_TIMEZONE"
	})
	require.ErrorContains(t, err, "RELAIS_DISTRICTS: district \"a\": tile row and col")
	require.ErrorContains(t, err, "RELAIS_TIMEZONE")
}
