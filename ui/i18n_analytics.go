package ui

// analyticsMessages are the strings of the analytics pages (issue 15),
// French first, English second; merged into messages at start.
var analyticsMessages = map[string][2]string{
	"post.links":             {"Liens suivis", "Tracked links"},
	"post.links.destination": {"Destination :", "Destination:"},

	"report.title":          {"Rapport hebdomadaire par secteur", "Weekly district report"},
	"report.window":         {"Période :", "Window:"},
	"report.weeks":          {"Semaines", "Weeks"},
	"report.week":           {"Semaine", "Week"},
	"report.show":           {"Afficher", "Show"},
	"report.colour_by":      {"Colorer par :", "Colour by:"},
	"report.source":         {"Source :", "Source:"},
	"report.src.clicks":     {"liens courts relais (/l/…), robots, HEAD et préchargements exclus", "relais short links (/l/…), bots, HEAD and prefetches excluded"},
	"report.src.share_rate": {"suggestions de partage relais (partagées / envoyées)", "relais share suggestions (shared / sent)"},
	"report.src.shared":     {"suggestions de partage relais", "relais share suggestions"},
	"report.src.posts":      {"publications relais sur les comptes du secteur", "relais publications on the district's accounts"},
	"report.src.engagement": {"API des plateformes (j'aime, partages, réponses, citations ; dernier relevé) ; Telegram : non disponible, l'API Bot ne donne aucun compteur à un robot", "platform APIs (likes, reposts, replies, quotes; latest collection); Telegram: not available, the Bot API gives a bot no counts"},
	"report.m.clicks":       {"Clics", "Clicks"},
	"report.m.share_rate":   {"Taux de partage", "Share rate"},
	"report.m.shared":       {"Partagées", "Shared"},
	"report.m.posts":        {"Publications", "Posts"},
	"report.m.engagement":   {"Engagement", "Engagement"},
	"report.map":            {"Carte des secteurs", "District map"},
	"report.missing":        {"manquant", "missing"},
	"report.not_available":  {"non disponible", "not available"},
	"report.table":          {"Chiffres par secteur, semaine", "Figures by district, week"},
	"report.district":       {"Secteur", "District"},
	"report.sent":           {"Envoyées", "Sent"},
	"report.declined":       {"Déclinées", "Declined"},
	"report.supporters":     {"Nouveaux soutiens", "New supporters"},
	"report.change":         {"Évolution / semaine précédente", "Change from previous week"},
	"report.focus":          {"Où concentrer l'effort", "Where to focus"},
	"report.rule":           {"Règle :", "Rule:"},
	"report.balance":        {"Équilibre du compte de campagne (candidate / colistiers) :", "Campaign account balance (candidate / colistiers):"},
	"report.sources":        {"Sources des chiffres", "Sources of the figures"},

	"experiment.title":                   {"Test A/B", "A/B test"},
	"experiment.winner":                  {"gagnante :", "winner:"},
	"experiment.sample":                  {"échantillon", "sample"},
	"experiment.decide_after":            {"décision après", "decided after"},
	"experiment.chart":                   {"Taux de succès par variante, avec intervalle à 95 %", "Success rate by variant, with 95 % interval"},
	"experiment.table":                   {"Variantes", "Variants"},
	"experiment.variant":                 {"Variante", "Variant"},
	"experiment.successes":               {"Succès", "Successes"},
	"experiment.rate":                    {"Taux", "Rate"},
	"experiment.ci":                      {"intervalle à 95 %", "95 % interval"},
	"experiment.metric.clicks":           {"mesure : clics", "metric: clicks"},
	"experiment.metric.shares":           {"mesure : partages", "metric: shares"},
	"experiment.audience.colistiers":     {"colistiers", "colistiers"},
	"experiment.audience.supporters":     {"soutiens", "supporters"},
	"experiment.state.awaiting_approval": {"variantes en validation", "variants awaiting approval"},
	"experiment.state.running":           {"en cours", "running"},
	"experiment.state.decided":           {"décidé", "decided"},
	"experiment.state.sent":              {"gagnante envoyée", "winner sent"},
}

func init() {
	for k, v := range analyticsMessages {
		if _, dup := messages[k]; dup {
			panic("ui: duplicate message key " + k)
		}
		messages[k] = v
	}
}
