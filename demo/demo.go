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
	"github.com/relais/relais/auth"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
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
// returns whether it seeded.
func Seed(ctx context.Context, s *store.Store, supporters int) (bool, error) {
	seeded := false
	err := s.Update(ctx, func(tx *store.Tx) error {
		if n, err := tx.CountMembers(); err != nil || n > 0 {
			return err
		}
		seeded = true
		hash := auth.HashPassword(Password)
		ids := map[relais.Role]int64{}
		for _, l := range Logins {
			m := &relais.Member{Email: l.Email, Name: l.Name, Role: l.Role}
			if err := tx.CreateMember(m, hash); err != nil {
				return err
			}
			ids[l.Role] = m.ID
		}
		candidate := ids[relais.RoleCandidate]
		if err := seedAccounts(tx, candidate); err != nil {
			return err
		}
		if err := seedSectors(tx, hash); err != nil {
			return err
		}
		return seedSupporters(tx, supporters)
	})
	return seeded, err
}

func seedAccounts(tx *store.Tx, candidateID int64) error {
	accounts := []*relais.Account{
		{Platform: relais.PlatformX, Handle: "annevalois", OwnerKind: relais.OwnerCandidate, OwnerMemberID: candidateID},
		{Platform: relais.PlatformBluesky, Handle: "annevalois.bsky.social", OwnerKind: relais.OwnerCandidate, OwnerMemberID: candidateID},
		{Platform: relais.PlatformMastodon, Handle: "annevalois@piaille.fr", OwnerKind: relais.OwnerCandidate, OwnerMemberID: candidateID},
		{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign},
		{Platform: relais.PlatformBluesky, Handle: "avecanne.bsky.social", OwnerKind: relais.OwnerCampaign},
	}
	for _, a := range accounts {
		a.BaseURL = connectors.SandboxURL
		if err := tx.CreateAccount(a, nil); err != nil {
			return err
		}
	}
	return nil
}

func seedSectors(tx *store.Tx, hash string) error {
	for _, sec := range Sectors() {
		slug := strings.TrimSuffix(sec.ID, "e")
		if sec.ID == "paris-centre" {
			slug = "centre" // X: letters, digits, underscore, 15 characters at most
		}
		m := &relais.Member{Email: "colistier-" + sec.ID + "@demo.relais.fr", Name: "Colistier·e " + sec.Name,
			Role: relais.RoleColistier, District: sec.Name}
		if err := tx.CreateMember(m, hash); err != nil {
			return err
		}
		a := &relais.Account{Platform: relais.PlatformX, Handle: "avecanne_" + slug, OwnerKind: relais.OwnerColistier,
			OwnerMemberID: m.ID, District: sec.Name, BaseURL: connectors.SandboxURL}
		if err := tx.CreateAccount(a, nil); err != nil {
			return err
		}
	}
	return nil
}

// demoConsent is when the demo's supporters consented (a form).
var demoConsent = time.Date(2026, 1, 10, 18, 0, 0, 0, time.UTC)

func seedSupporters(tx *store.Tx, n int) error {
	sectors := Sectors()
	ss := make([]relais.Supporter, n)
	for i := range ss {
		sec := sectors[i%len(sectors)]
		ss[i] = relais.Supporter{Email: fmt.Sprintf("soutien%05d@demo.relais.fr", i+1),
			Name: fmt.Sprintf("Soutien %d", i+1), District: sec.Name, ConsentAt: &demoConsent,
			ConsentSource: "démo", ConsentVersion: "2026-01", Mobilised: true}
	}
	return tx.CreateSupporters(ss)
}
