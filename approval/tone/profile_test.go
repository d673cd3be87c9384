package tone

import "testing"

func TestProfiles(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	cases := []struct {
		text, profile, verdict string
	}{
		{"Lacombe ment.", ProfileCandidate, VerdictBlock},
		{"Lacombe ment.", ProfileCampaign, VerdictBlock},
		{"Lacombe ment.", ProfileColistier, VerdictBlock},
		{"Avec Lacombe, c'est le chaos.", ProfileCandidate, VerdictBlock},
		{"Avec Lacombe, c'est le chaos.", ProfileCampaign, VerdictWarn},
		{"Avec Lacombe, c'est le chaos.", ProfileColistier, VerdictBlock},
		{"FAUX : Lacombe affirme que la dette baisse.", ProfileCandidate, VerdictBlock},
		{"Intox : Lacombe affirme que la dette baisse.", ProfileCampaign, VerdictWarn},
		{"mdr Lacombe", ProfileCampaign, VerdictBlock},
		{"Avec Lacombe, c'est le chaos.", "unknown-profile", VerdictBlock},
		{"Merci à tous !", ProfileCampaign, VerdictOK},
	}
	for _, c := range cases {
		if got := e.Check(c.text, c.profile).Verdict; got != c.verdict {
			t.Errorf("%q as %s: got %s, want %s", c.text, c.profile, got, c.verdict)
		}
	}
}

func TestCustomProfileAndColistierFollowsCandidate(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig([]byte(`
opponents: [Lacombe]
profiles:
  candidate: {negative: warn}
  district: {attack: warn, ridicule: off}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Check("Avec Lacombe, c'est le chaos.", ProfileColistier).Verdict; got != VerdictWarn {
		t.Errorf("colistier follows the configured candidate: got %s", got)
	}
	if got := e.Check("Lacombe ment.", "district").Verdict; got != VerdictWarn {
		t.Errorf("district attack: got %s", got)
	}
	if got := e.Check("mdr Lacombe", "district"); got.Verdict != VerdictOK {
		t.Errorf("district ridicule off: got %+v", got)
	}
}

func TestSignals(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	cases := []struct {
		text string
		want Signals
	}{
		{"Débat ce soir avec Bernard Lacombe.", Signals{Opponent: true}},
		{"Je m'engage à rénover toutes les écoles.", Signals{Pledge: true}},
		{"Nous créerons des pistes cyclables.", Signals{Pledge: true}},
		{"La dette a augmenté de 12 % en six ans.", Signals{Figures: true}},
		{"We will build 10,000 homes.", Signals{Pledge: true, Figures: true}},
		{"Rendez-vous à 19h au gymnase, le 12 mars 2026.", Signals{}},
		{"Merci à Claire Morel !", Signals{}},
	}
	for _, c := range cases {
		if got := e.Signals(c.text); got != c.want {
			t.Errorf("%q: got %+v, want %+v", c.text, got, c.want)
		}
	}
}
