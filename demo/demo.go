// Package demo seeds a demonstration Paris campaign: the candidate with X,
// Bluesky and Mastodon accounts, the campaign account, an admin, a web lead
// and a community manager, one colistier with an account in each of the
// 17 Paris sectors, and supporters, all on the sandbox connector. Seeding
// runs once: a database that already has members is left alone.
package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	sup "github.com/relais/relais/supporters"
)

// Password is the password of every demo login. Demo only.
const Password = "relais-demo-2026"

// Sectors returns the 17 Paris sectors: relais's default districts.
func Sectors() relais.Districts { return relais.DefaultDistricts() }

// Login is a demo sign-in.
type Login struct {
	Role  relais.Role
	Name  string
	Email string
}

// Logins are the demo's main sign-ins (colistiers follow the pattern
// colistier-<sector>@demo.relais.fr).
var Logins = []Login{
	{relais.RoleAdmin, "Admin Démo", "admin@demo.relais.fr"},
	{relais.RoleCandidate, "Anne Valois", "anne@demo.relais.fr"},
	{relais.RoleEditor, "Karim Benali", "web@demo.relais.fr"},
	{relais.RoleCommunityManager, "Léa Fontaine", "cm@demo.relais.fr"},
}

// ToneConfig is the demo campaign's tone configuration.
const ToneConfig = `# Demo campaign tone rules (relais). Edit and reload from the settings page.
opponents:
  - name: Bernard Lacombe
    aliases: [Lacombe]
    handles: ["@blacombe"]
  - name: Sophie Tolliver
    aliases: [Tolliver]
    handles: ["@stolliver"]
own_team:
  - name: Anne Valois
    aliases: [Anne]
    handles: ["@annevalois"]
  - name: Claire Morel
profiles:
  candidate: {attack: block, negative: block, desintox: block, ridicule: block}
  campaign:  {attack: block, negative: warn,  desintox: warn,  ridicule: block}
`

// Seed creates the demo campaign unless the database has members. It
// goes through the services the API calls, as the command line's operator
// (relais.AsCLI): members through auth, accounts through approval,
// supporters through an import, each audited as relais.SystemCLI. It
// returns whether it seeded.
func Seed(ctx context.Context, s *store.Store, supporters int) (bool, error) {
	var n int64
	err := s.View(ctx, func(tx *store.Tx) (err error) {
		n, err = tx.CountMembers()
		return err
	})
	if err != nil || n > 0 {
		return false, err
	}
	ctx = relais.AsCLI(ctx)
	members, err := seedMembers(ctx, auth.New(s))
	if err == nil {
		err = seedAccounts(ctx, approval.New(s, nil, nil, nil), members)
	}
	if err == nil && supporters > 0 {
		err = seedSupporters(ctx, sup.New(s, sup.Config{}), supporters)
	}
	return err == nil, err
}

// seedMembers adds the main logins and one colistier per sector; it
// returns the accounts' owners, as `relais account add --owner` names
// them, by handle.
func seedMembers(ctx context.Context, svc *auth.Service) (map[string]string, error) {
	var ms []*relais.Member
	for _, l := range Logins {
		ms = append(ms, &relais.Member{Email: l.Email, Name: l.Name, Role: l.Role})
	}
	owners := map[string]string{}
	for _, sec := range Sectors() {
		m := &relais.Member{Email: "colistier-" + sec.ID + "@demo.relais.fr", Name: "Colistier·e " + sec.Name,
			Role: relais.RoleColistier, District: sec.Name}
		ms = append(ms, m)
		owners[sectorHandle(sec)] = "colistier:" + m.Email
	}
	return owners, svc.AddMembers(ctx, ms, Password)
}

// sectorHandle is the X handle of a sector's colistier.
func sectorHandle(sec relais.District) string {
	slug := strings.TrimSuffix(sec.ID, "e")
	if sec.ID == "paris-centre" {
		slug = "centre" // X: letters, digits, underscore, 15 characters at most
	}
	return "avecanne_" + slug
}

func seedAccounts(ctx context.Context, svc *approval.Service, colistiers map[string]string) error {
	accounts := []approval.NewAccount{
		{Account: relais.Account{Platform: relais.PlatformX, Handle: "annevalois"}, Owner: string(relais.OwnerCandidate)},
		{Account: relais.Account{Platform: relais.PlatformBluesky, Handle: "annevalois.bsky.social"}, Owner: string(relais.OwnerCandidate)},
		{Account: relais.Account{Platform: relais.PlatformMastodon, Handle: "annevalois@piaille.fr"}, Owner: string(relais.OwnerCandidate)},
		{Account: relais.Account{Platform: relais.PlatformX, Handle: "avecanne"}, Owner: string(relais.OwnerCampaign)},
		{Account: relais.Account{Platform: relais.PlatformBluesky, Handle: "avecanne.bsky.social"}, Owner: string(relais.OwnerCampaign)},
	}
	for _, sec := range Sectors() {
		h := sectorHandle(sec)
		accounts = append(accounts, approval.NewAccount{Account: relais.Account{Platform: relais.PlatformX, Handle: h}, Owner: colistiers[h]})
	}
	for _, in := range accounts {
		in.Account.BaseURL = connectors.SandboxURL
		if _, err := svc.CreateAccount(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// demoConsent is when the demo's supporters consented (a form).
var demoConsent = time.Date(2026, 1, 10, 18, 0, 0, 0, time.UTC)

// seedSupporters imports n supporters spread over the sectors, as a
// campaign's CSV file would bring them.
func seedSupporters(ctx context.Context, svc *sup.Service, n int) error {
	sectors := Sectors()
	var b strings.Builder
	b.WriteString("email,first_name,last_name,postcode,consent_at,consent_source,mobilised\n")
	for i := 0; i < n; i++ {
		sec := sectors[i%len(sectors)]
		fmt.Fprintf(&b, "soutien%05d@demo.relais.fr,Soutien,%d,%s,%s,démo,oui\n", i+1, i+1, sec.Postcodes[0], demoConsent.Format(time.RFC3339))
	}
	_, err := svc.Import(ctx, strings.NewReader(b.String()), sup.Options{Source: "démo"})
	return err
}
