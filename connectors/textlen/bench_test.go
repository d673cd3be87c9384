package textlen

import (
	"testing"
	"unicode/utf8"
)

// frenchPost is a 280-character campaign post with a URL and an emoji flag.
const frenchPost = "Dimanche 14 juin, rendez-vous place de la République à 11 h pour le " +
	"lancement de notre campagne ! Venez nombreux avec vos proches : programme, " +
	"bénévolat et inscriptions sur https://exemple-campagne.fr/agenda/lancement " +
	"— ensemble, faisons gagner nos idées pour Lyon. Écoles, bus 🇫🇷"

func BenchmarkXWeightedLength(b *testing.B) {
	b.ReportAllocs()
	b.Logf("%d code points, weighted length %d", utf8.RuneCountInString(frenchPost), XWeightedLength(frenchPost))
	for b.Loop() {
		XWeightedLength(frenchPost)
	}
}
