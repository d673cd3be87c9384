package tone

import (
	"encoding/json"
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	cfg, err := LoadConfig("testdata/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Lacombe ment encore aux Parisiens.",
		"lol Tolliver tried to explain his tax plan 😂😂",
		"Pas de mauvaise surprise dans notre budget",
		"Faux départ ce matin pour la course, mais quelle ambiance !",
		"Vrai ou faux ? nos réponses sur le budget",
		"FAUX : Lacombe prétend que la dette a baissé.",
		"Bernard Lacombe n'est ni sérieux ni honnête.",
		"Lacombe a publié un démenti.",
		"L'équipe d'en face veut fermer nos écoles, c'est le chaos assuré",
		"Certains veulent ruiner la ville.",
		"Certains quartiers manquent de crèches.",
		"Merci à Claire Morel pour son travail formidable !!!",
		"Le « plan » de Lacombe pour les transports.",
		"They lied to you. We will tell the truth.",
		"Tolliver can't be trusted with our schools.",
		"Nous créerons 5 000 logements et 3 % de budget en plus.",
	} {
		r := e.Check(s, "candidate")
		b, _ := json.Marshal(r)
		t.Logf("%s\n  %s\n  %+v", s, b, e.Signals(s))
	}
	_ = os.Stdout
}
