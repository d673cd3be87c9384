package tone

import "testing"

func TestZZDbg(t *testing.T) {
	cfg, _ := ParseConfig([]byte("opponents:\n  - name: Rick Calloway\n  - name: Hélène Vasseur\n"))
	e, _ := New(cfg)
	for _, s := range []string{"Debate with Rick Calloway tonight on the housing crisis.", "Débat avec Vasseur ce soir sur la crise du logement.",
		"Vasseur et nous voulons lutter contre la pollution.", "Calloway's record is a mess.", "Vasseur : le chaos."} {
		t.Logf("%q %s", s, describe(e.Check(s, ProfileCandidate)))
	}
}
