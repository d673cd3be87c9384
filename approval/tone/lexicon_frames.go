package tone

// Campaign frames: the hand-written part of the lexicons. Evaluative
// words come from published resources (evallex.go, LEXICON.md); what no
// sentiment lexicon knows is how a campaign attacks without an insult:
//
//   - fact-check frames (desintox): "Intox :", "FAUX", "Spoiler : c'est
//     faux", "les chiffres disent", "the record says", "myth vs reality",
//     "correction:";
//   - mock praise and irony (ridicule): "découvre", "baby steps", "il était
//     temps", "welcome to the real world"; praise words ("bravo",
//     "bienvenue", "congrats") count only with an irony marker (👏, 🙄,
//     🍿, 🤡, 😂, laughter) in the post — see builder.mockPraise;
//   - insinuation (attack): "follow the money", "demandez-vous pourquoi",
//     "candidat des lobbies", "prêt à tout", "will say anything";
//   - loss and decline frames (negative): "toujours rien", "four more years
//     of", "we can't afford", "la fin des";
//   - vague targets: "la clique d'en face", "the folks running this city".
var frenchFrames = map[string][]string{
	"desintox": {
		"intox", "#intox", "spoiler", "spoiler alert", "archi-faux", "archifaux", "totalement faux",
		"complètement faux", "c'est faux", "c'est inexact", "les chiffres disent", "les chiffres parlent",
		"les faits sont têtus", "la réalité", "la vérité", "la vérité :",
		"rétablissons", "vérifions", "vérification faite", "correction", "bobard/n",
		"contre-vérité/n", "décryptage", "démêlons", "le vrai chiffre", "les vrais chiffres",
		"vrai ou faux", "info ou intox", "#désinfo", "désinformation", "fake", "faux chiffre/n",
		"n'en déplaise à", "petit rappel", "rappel des faits", "factcheck", "fact check",
	},
	"ridicule": {
		"découvre", "découvrent", "a découvert", "vient de découvrir", "il était temps", "elle était temps",
		"mieux vaut tard que jamais", "bienvenue dans le monde réel", "bienvenue dans la vraie vie",
		"quel talent", "quel visionnaire", "visionnaire~0.5", "petit joueur", "🍿", "🤭", "😏", "🥴",
		"💀", "🫠", "lunaire", "hallucinant~0.5", "on se pince", "ça ne s'invente pas", "sans blague",
		"grand moment", "moment de solitude", "lol", "mdr", "ptdr", "mdrr", "😹", "le roi de", "la reine de",
		"m. je-sais-tout", "monsieur je-sais-tout", "madame je-sais-tout", "premier de la classe",
	},
	"attack": {
		"demandez-vous pourquoi", "demandez-vous", "posez-vous la question", "demandez à", "demandez donc à",
		"suivez l'argent", "d'où vient l'argent", "où est passé l'argent", "qui paie", "qui a payé",
		"qui finance", "candidat des lobbies", "candidate des lobbies", "à la solde", "prêt à tout",
		"prête à tout", "dirait n'importe quoi", "dit n'importe quoi", "ferait n'importe quoi",
		"changé d'avis", "change d'avis", "changer d'avis", "retourne sa veste", "retourné sa veste",
		"comme par hasard", "qu'a-t-il à cacher", "qu'a-t-elle à cacher", "que cache", "cache quelque chose",
		"promet la lune", "promettait la lune", "vendre sa mère", "vendrait sa mère",
		"pipeau", "enfumeur", "bonimenteur", "baratineur", "girouette/n", "opportunisme",
		"copinage", "clientélisme", "conflit d'intérêts", "affairiste/n", "magouilleur",
		"sans vergogne", "aux abois", "carriériste/n", "ambition personnelle", "boules puantes",
		"boule puante", "caniveau", "coups bas", "coup bas", "mentent", "a menti", "ont menti",
	},
	"negative": {
		"toujours rien", "toujours pas", "rien n'a été fait", "rien fait", "six ans de", "six années de",
		"six ans d'immobilisme", "immobilisme", "la fin des", "la fin du", "le retour du", "le retour de la",
		"on ne peut pas se permettre", "ne peut plus durer", "ça suffit", "ras-le-bol", "saigner/v", "saignée", "racket/n", "racketter/v", "spolier/v", "spoliation", "matraquer/v",
		"étouffer/v", "asphyxie", "fiasco", "naufrage", "gestion calamiteuse", "gestion désastreuse",
		"mauvaise gestion", "explosion/n", "flambée/n", "hausse des impôts", "plus d'impôts",
		"escroquerie/n", "un désastre", "une catastrophe", "un scandale", "une honte", "un gâchis",
		"un fiasco", "un naufrage", "la cata", "cata", "zéro bilan", "incurie", "laisser-aller",
		"laxisme", "laxiste/n", "inaction", "renoncement/n", "promesses non tenues", "promesse non tenue",
	},
	"vague": {
		"la clique d'en face", "la clique", "la bande d'en face", "la bande à", "l'autre camp", "l'autre liste",
		"la liste d'en face", "l'équipe en place", "l'équipe actuelle", "l'exécutif sortant",
		"le maire sortant", "la maire sortante", "la municipalité actuelle", "la mairie actuelle",
		"ceux qui nous gouvernent", "ceux qui dirigent", "ceux qui gèrent", "nos rivaux", "nos concurrents",
		"leur candidat", "leur candidate", "leur liste", "leur camp", "leur équipe", "le camp adverse",
		"la liste adverse", "l'équipe adverse", "le candidat adverse", "la candidate adverse",
		"l'adversaire", "notre adversaire", "notre opposant", "notre opposante", "mon adversaire",
		"certains candidats", "certaines candidates", "certains élus", "certaines personnes",
		"le sortant", "la sortante", "les sortants",
		"ceux d'en face", "celles d'en face", "l'ancienne équipe", "la précédente équipe", "l'équipe précédente", "nos adversaires",
		"cette équipe", "cette majorité", "la majorité actuelle", "la majorité municipale", "l'équipe municipale",
		"ce mandat", "cette mandature", "la mandature", "ce maire", "cette maire", "cette municipalité",
	},
	"praise": {
		"bravo", "félicitations", "chapeau", "bienvenue", "bien joué", "joli", "belle performance",
		"quel exploit", "bel exploit", "merci", "magnifique", "génial", "superbe", "champion", "génie",
		"admirable", "impressionnant", "quelle surprise"},
}

var englishFrames = map[string][]string{
	"desintox": {
		"fact check", "fact-check", "factcheck", "the real figure", "the real number",
		"the real numbers", "the numbers say", "the record says", "the record shows",
		"myth vs reality", "myth vs. reality", "reality check", "correction",
		"spoiler", "spoiler alert", "not true", "flat wrong",
		"dead wrong", "simply wrong", "false", "fake", "fake news", "pants on fire", "four pinocchios",
		"let's be clear", "let me be clear", "for the record", "just to be clear",
	},
	"ridicule": {
		"discovered", "discovers", "just discovered", "baby steps", "better late than never",
		"welcome to the real world", "welcome to the city", "about time", "took him long enough",
		"took her long enough", "🍿", "🤭", "😏", "🥴", "💀", "🫠", "bake sale", "lemonade stand",
		"what a genius", "real genius", "big brain", "galaxy brain", "mr. know-it-all", "know-it-all",
		"clown show", "amateur hour", "adorable~0.5", "lmao", "lol", "rofl", "smh",
	},
	"attack": {
		"follow the money", "ask yourself why", "ask yourself", "ask him", "ask her", "who paid",
		"who is paying", "who's paying", "who funds", "who's funding", "bought and paid for",
		"in the pocket of", "pocket of", "candidate of the lobbies", "lobbyist's candidate",
		"will say anything", "would say anything", "will do anything", "would do anything",
		"would sell", "sell his grandmother", "sell her grandmother", "flip-flop/v", "flip-flopper/n",
		"flip flop", "changed his mind", "changed her mind", "what is he hiding", "what is she hiding",
		"what are they hiding", "coincidence?", "promised the moon", "snake oil", "grifter/n", "grift",
		"self-serving", "cronies", "cronyism", "crony", "conflict of interest", "shady", "sleazy",
		"smear/n", "smears", "gutter", "mudslinging", "stink bombs"},
	"negative": {
		"still nothing", "still no", "still waiting", "four more years of", "four more years",
		"another four years", "we can't afford", "can't afford", "cannot afford", "can't take",
		"the end of", "enough is enough", "speaks for itself", "speak for themselves", "record of failure", "failed record", "bleed/v", "bleeding", "gouge/v", "gouging", "rip off",
		"rip-off", "ripoff", "racket", "scam", "drain/v", "squeeze/v", "fiasco", "train wreck",
		"dumpster fire", "mess", "broken promises", "broken promise", "did nothing", "done nothing",
		"nothing done", "inaction", "stagnation", "gridlock", "mismanaged", "mismanagement",
	},
	"vague": {
		"the folks running this city", "the people running this city", "those running this city",
		"the folks in charge", "the people in charge", "those in charge", "the current administration",
		"this administration", "the current mayor", "the current council", "the other camp",
		"the other campaign", "the other ticket", "the other side", "their candidate", "their side",
		"some people in this race", "some in this race", "some candidates", "certain candidates",
		"our rivals", "our rival", "my rival", "the challenger", "the other candidate",
		"our opponent", "our opponents", "my opponent", "the incumbent", "the opposition",
		"the other guy", "the other guys", "the other team", "some folks", "certain folks",
	},
	"praise": {
		"congrats", "congratulations", "well done", "bravo", "welcome", "good job", "great job",
		"nice job", "impressive", "amazing", "brilliant", "genius", "what a surprise", "thanks",
		"thank you", "kudos", "champion",
	},
}
