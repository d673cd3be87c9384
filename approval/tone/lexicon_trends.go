package tone

// Trend frames: a bad thing that rose ("crime went
// up", "rents soared") or a good thing that fell ("services down", "les
// emplois ont reculé") is negative campaigning when the post ties it to a
// target. The phrases are the product of the noun and verb lists below.

var (
	frenchBadNouns = []string{
		"dette", "impôts", "taxes", "loyers",
		"insécurité", "délinquance", "chômage",
		"pollution", "embouteillages", "bouchons",
		"déficit", "prix", "tarifs", "factures",
		"criminalité", "cambriolages", "agressions",
		"pauvreté", "précarité", "taxe foncière",
		"dépenses", "endettement", "trafics",
	}
	frenchRises = []string{
		"a doublé", "ont doublé", "a triplé", "ont triplé", "a explosé", "ont explosé", "a grimpé",
		"ont grimpé", "a augmenté", "ont augmenté", "a flambé", "ont flambé", "a bondi", "ont bondi",
		"a progressé", "ont progressé", "en hausse", "en forte hausse", "en explosion", "qui explose",
		"qui explosent", "qui flambe", "qui flambent", "qui grimpe", "qui grimpent", "s'envole",
		"s'envolent", "se sont envolés", "s'est envolée",
	}
	frenchGoodNouns = []string{
		"emplois", "services", "commerces",
		"pouvoir d'achat", "investissements",
		"subventions", "effectifs",
	}
	frenchFalls = []string{
		"ont reculé", "a reculé", "ont baissé", "a baissé", "en baisse", "en chute", "ont chuté",
		"a chuté", "ont disparu", "a disparu", "ont fondu", "a fondu", "supprimés", "supprimées",
		"perdus", "détruits",
	}
	englishBadNouns = []string{
		"debt", "taxes", "crime", "rents", "rent", "deficit", "prices", "fees", "bills",
		"homelessness", "potholes", "traffic", "unemployment", "pollution", "spending", "property taxes",
		"violent crime", "break-ins", "overdoses", "wait times", "commute times",
	}
	englishRises = []string{
		"up", "is up", "are up", "went up", "go up", "doubled", "has doubled", "have doubled", "tripled",
		"soared", "have soared", "has soared", "skyrocketed", "exploded", "rose", "increased", "climbed",
		"spiked", "surged", "ballooned",
	}
	englishGoodNouns = []string{"services", "jobs", "businesses", "investment", "wages", "bus routes", "police officers"}
	englishFalls     = []string{"down", "cut", "slashed", "lost", "gone", "disappeared", "fell", "dropped", "shrank"}
)

// trendFrames builds the negative phrases of one language.
func trendFrames(bad, rises, good, falls []string) map[string][]string {
	var out []string
	for _, n := range bad {
		for _, v := range rises {
			out = append(out, n+" "+v)
		}
	}
	for _, n := range good {
		for _, v := range falls {
			out = append(out, n+" "+v)
		}
	}
	return map[string][]string{"negative": out}
}

var (
	frenchTrends  = trendFrames(frenchBadNouns, frenchRises, frenchGoodNouns, frenchFalls)
	englishTrends = trendFrames(englishBadNouns, englishRises, englishGoodNouns, englishFalls)
)

// Failed delivery: "n'a rien construit", "n'a jamais rien fait", "n'a tenu
// aucune", "never delivered". The phrases begin with their negator, so
// they are not negated again (a negated negative is otherwise dropped).
var (
	frenchNoDelivery = deliveryFrames(
		[]string{"n'a", "n'ont", "n'avait", "n'avaient"},
		[]string{"rien", "jamais rien", "pas", "jamais"},
		[]string{"fait", "construit", "créé", "tenu", "réglé", "changé", "rénové", "livré", "réalisé",
			"investi", "proposé", "réparé", "ouvert", "bougé", "obtenu", "lancé", "terminé"},
		[]string{"aucun", "aucune"})
	englishNoDelivery = deliveryFrames(
		[]string{"has", "have", "had"},
		[]string{"never", "not", "still not", "failed to"},
		[]string{"built", "delivered", "fixed", "created", "kept", "finished", "opened", "repaired",
			"build", "deliver", "fix", "create", "keep", "finish"},
		nil)
)

// deliveryFrames builds aux + mid + verb and aux + verb + object phrases.
func deliveryFrames(aux, mid, verbs, objects []string) map[string][]string {
	var out []string
	for _, a := range aux {
		for _, v := range verbs {
			for _, m := range mid {
				out = append(out, a+" "+m+" "+v)
			}
			for _, o := range objects {
				out = append(out, a+" "+v+" "+o)
			}
		}
	}
	return map[string][]string{"negative": out}
}
