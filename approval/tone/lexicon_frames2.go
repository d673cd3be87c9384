package tone

// More campaign frames, grouped by the kind of miss they cover: record
// statements ("payer plus pour moins", "that's her legacy"), fact-check
// endings ("les chiffres montrent l'inverse", "says otherwise"), mock
// comparisons ("même mon chat", "thinks he's Obama"), character attacks
// phrased as absences ("aucune honte", "zero integrity": the absent
// quality is listed as positive, so that its negation near a target is an
// attack), and possessive or "d'en face" references to the other camp.
var frenchFrames2 = map[string][]string{
	"desintox": {
		"l'inverse", "le contraire", "dit l'inverse", "disent l'inverse", "montrent l'inverse",
		"montre l'inverse", "prouvent le contraire", "dit autre chose", "disent autre chose",
		"erreur/n~0.5", "inexactitude/n", "invente des chiffres", "inventer des chiffres",
		"chiffres inventés", "chiffres bidons", "mise au point", "les faits :", "rétablissons",
		"trompeuse|trompeurs|trompeuses", "mensongère|mensongers|mensongères", "désinformer/v",
		"ne tient pas", "ne tiennent pas", "vérifiez", "source :",
	},
	"attack": {
		"aucune honte", "sans honte", "aucun honneur", "sans honneur", "aucune parole",
		"aucune morale", "aucune dignité", "aucun scrupule", "en prison", "la prison",
		"derrière les barreaux", "sa carrière", "sa propre carrière", "ses petits intérêts",
		"caché ses", "cache ses", "cachait ses", "se sert", "se servent", "se sont servis",
		"prend les électeurs pour", "prennent les électeurs pour", "se moque des", "se moquent des",
	},
	"positive": {"confiance", "honneur", "intégrité", "scrupule/n", "dignité", "probité"},
	"negative": {
		"payer plus", "paierez plus", "paieront plus", "pour moins", "si vous aimez",
		"le retour des", "le retour de", "a coûté", "ont coûté", "coûtera", "aux contribuables",
		"l'argent des contribuables", "ferait payer", "fera payer", "fait payer", "faire payer",
		"veut faire payer", "aucune tenue", "aucune n'a été tenue", "jamais tenue", "jamais tenues",
		"a vidé", "ont vidé", "vider/v~0.5", "laissé pourrir", "laisse pourrir", "à l'abandon",
		"laissé tomber", "a laissé tomber", "tout raté", "a échoué", "ont échoué", "occasions manquées",
		"occasion manquée", "en panne", "à l'arrêt", "au point mort", "zéro logement", "zéro euro",
		"voilà son bilan", "voilà leur bilan", "quel bilan",
	},
	"ridicule": {
		"se prend pour", "se prennent pour", "c'est gênant", "gênant", "😬", "l'eau tiède",
		"inventé la roue", "réinventé la roue", "même mon chat", "même mon chien", "même un enfant",
		"même mon fils", "même ma fille", "post-it", "sur un post-it", "sur une serviette",
		"applaudissons", "chapeau l'artiste", "on aura tout vu", "sketch", "champion du monde",
		"championne du monde", "maître incontesté", "le roi du", "la reine du", "grand débatteur",
		"quelle ambition", "la grande classe", "bel effort",
	},
	"praise": {"applaudissons", "saluons le courage", "quel courage", "bel effort", "grand débatteur"},
	"vague": {
		"le candidat d'en face", "la candidate d'en face", "le côté d'en face", "le parti d'en face",
		"la tête de liste d'en face", "la majorité actuelle", "l'ancienne majorité", "mes adversaires",
		"mes opposants", "notre concurrent", "notre concurrente", "le pouvoir en place",
		"ceux qui sont aux manettes", "leur programme", "leur bilan", "leur projet", "leur plan",
		"leur gestion", "leur politique", "leurs promesses", "leur tract", "leurs chiffres",
		"la municipalité actuelle", "le maire actuel", "la maire actuelle",
	},
}

var englishFrames2 = map[string][]string{
	"desintox": {
		"says otherwise", "say otherwise", "show otherwise", "shows otherwise", "the opposite",
		"misleading", "made-up numbers", "made up numbers", "making up numbers", "not what happened",
		"the data says", "the data shows", "the facts say", "in reality",
		"inaccurate", "misstates", "misstate", "misrepresents", "misrepresent",
		"check the numbers", "the numbers show", "records show", "permits show",
	},
	"attack": {
		"no shame", "zero shame", "no integrity", "zero integrity", "no honor", "no honour",
		"no scruples", "no principles", "behind bars", "in jail", "belongs in prison",
		"his own career", "her own career", "treats voters like", "takes voters for",
	},
	"positive": {"integrity", "honor", "honour", "scruples", "principles", "trust", "trusted", "trustworthy"},
	"negative": {
		"that's her legacy", "that's his legacy", "their legacy", "legacy of", "if you like", "if you love",
		"if you enjoy", "pay more", "paying more", "fall apart", "fell apart", "falling apart",
		"nothing got fixed", "nothing gets fixed", "got worse", "gotten worse", "cost taxpayers",
		"cost us", "costs us", "taxpayers' money", "taxpayer money", "broke her promise",
		"broke his promise", "broke their promise", "fell short", "dropped the ball",
	},
	"ridicule": {
		"thinks he's", "thinks she's", "think they're", "cringe", "cringey", "😬", "my dog could",
		"my cat could", "a toddler could", "reinvented the wheel", "on a napkin", "called and want",
		"world champion", "bold vision~0.5",
	},
	"praise": {"so brave", "truly inspiring", "what courage", "bold"},
	"vague": {
		"the outgoing mayor", "the outgoing council", "the outgoing administration", "our challenger",
		"my challengers", "the opposing campaign", "their campaign", "their team", "their plan",
		"their record", "their program", "their budget", "their policies", "their promises",
		"the current leadership", "those in power", "the people in power",
	},
}
