package tone

// frenchLexicon is the built-in French lexicon, written for relais. Each
// entry is a lemma in the notation of wordSpec, expanded into its forms
// when the engine compiles.
var frenchLexicon = map[string][]string{
	"attack": {
		"mentir/v3", "menteur", "mensonge/n", "mensonger", "incompétent", "incompétence/n",
		"corrompu", "corruption/n", "escroc/n", "escroquerie/n", "magouille/n", "magouiller/v",
		"voyou/n", "tricheur", "tricher/v", "lâche~0.5", "lâcheté/n", "imposteur/n", "imposture/n",
		"hypocrite/n", "hypocrisie/n", "manipulateur", "manipuler/v", "manipulation/n", "truand/n",
		"véreux", "minable", "nul~0.5", "nullité/n", "ignorant", "idiot", "stupide/n", "crétin",
		"imbécile/n", "bouffon", "guignol/n", "amateur~0.5", "amateurisme/n", "démagogue/n",
		"démagogie/n", "arnaque/n", "arnaqueur", "arnaquer/v", "traître|traîtresse|traîtres|traîtresses",
		"trahir/v", "trahison/n", "malhonnête/n", "malhonnêteté/n", "irresponsable/n", "méprisant",
		"arrogant", "arrogance/n", "fraudeur", "fraude/n", "voleur", "incapable/n", "médiocre/n",
		"médiocrité/n", "pantin/n", "marionnette/n", "girouette/n", "opportuniste/n", "cynique/n",
		"indigne/n", "honteux~0.5", "sans scrupules", "mauvaise foi", "pipeau", "baratin/n",
		"baratiner/v", "enfumer/v", "enfumage/n", "tromper/v", "trompeur", "duper/v", "bidon/=",
	},
	"positive": {
		"honnête/n", "sérieux", "crédible/n", "compétent", "fiable/n", "sincère/n", "digne/n",
		"capable/n", "courageux", "cohérent", "intègre/n", "loyal", "responsable/n", "légitime/n",
		"respectable/n", "transparent", "qualifié", "vérité/n", "à la hauteur", "au niveau",
		"digne de confiance", "franc|franche|francs|franches",
	},
	"negative": {
		"chaos", "chaotique/n", "désastre/n", "désastreux", "catastrophe/n", "catastrophique/n",
		"faillite/n", "ruine/n", "ruiner/v", "échec/n", "échouer/v", "déclin/n", "décliner/v",
		"recul/n", "reculer/v", "menace/n", "menacer/v", "danger/n", "dangereux", "peur/n",
		"effrayant", "inquiétant", "pire/n", "aggraver/v", "détruire/v", "destruction/n",
		"casser/v", "saccager/v", "saccage/n", "sacrifier/v", "abandonner/v", "abandon/n",
		"perdre/v", "perte/n", "effondrement/n", "effondrer/v", "exploser/v~0.5", "dérive/n",
		"naufrage/n", "fiasco/n", "gâchis", "gaspiller/v", "gaspillage/n", "mauvais|mauvaise|mauvaises",
		"terrible/n", "honte/n", "scandale/n", "scandaleux", "triste/n", "régression/n", "cauchemar/n",
		"sombre/n", "fermer/v~0.5", "fermeture/n~0.5", "supprimer/v~0.5", "suppression/n~0.5",
		"moins de~0.5", "dites adieu", "dire adieu", "adieu", "nuire/v3|nuit|nuis|nuisent|nuisible|nuisibles",
		"néfaste/n", "calamiteux", "calamité/n", "délabrement/n", "abîmer/v", "massacrer/v",
		"massacre/n", "enfoncer/v", "plomber/v", "asphyxier/v", "étrangler/v", "appauvrir/v",
		"bétonner/v", "matraquage fiscal", "délaisser/v", "mépris", "mépriser/v", "ravage/n",
		"ravager/v", "dégât/n", "pagaille/n", "gabegie/n", "impasse/n", "bilan désastreux", "fossoyeur",
	},
	"desintox": {
		"faux|fausse|fausses", "intox/=", "infox/=", "désintox/=", "contrairement à ce que", "contrairement à ce qu'",
		"rétablissons les faits", "rétablir les faits", "rétablissons la vérité", "c'est faux",
		"pas vrai", "inexact", "mensonge éhonté", "fake news", "fact-checking", "fact checking",
		"vérification des faits", "en réalité~0.5", "la réalité est", "démêlons le vrai du faux",
		"le vrai du faux", "trompeur~0.5", "contre-vérité/n", "fausse information/n",
		"n'en déplaise", "rumeur/n~0.5",
	},
	"claim": {
		"dire/v|dis|dit|dite|dits|dites|disons|disent|disait|disaient|disant|dira|diront|dirait",
		"affirmer/v", "prétendre/v", "déclarer/v", "assurer/v", "raconter/v", "annoncer/v",
		"répéter/v", "clamer/v", "marteler/v", "jurer/v", "expliquer/v", "colporter/v",
		"promettre|promet|promets|promettons|promettez|promettent|promis|promise|promises|promettait|promettaient",
		"selon/=", "d'après/=", "circuler/v", "entendre/v", "lire|lit|lu|lue", "rumeur/n", "on dit",
		"affirmation/n", "déclaration/n", "propos/=", "chiffre/n~0.5", "slogan/n",
	},
	"ridicule": {
		"lol/=", "mdr/=", "ptdr/=", "xd/=", "haha/=", "ahah/=", "hihi/=", "lmao/=", "😂", "🤣", "🤡",
		"🙃", "🙄", "😆", "😹", "🥱", "🤦", "👏👏", "soi-disant/=", "prétendu", "autoproclamé", "génie~0.5",
		"champion~0.5", "bravo le génie", "quel génie", "on croit rêver", "la blague",
		"laissez-moi rire", "sans rire", "clown/n", "cirque/n", "comique/n", "risible/n",
		"ridicule/n", "pathétique/n", "grotesque/n",
	},
	"vague": {
		"l'équipe d'en face", "le camp d'en face", "ceux d'en face", "les gens d'en face",
		"nos adversaires", "nos opposants", "nos concurrents", "l'adversaire", "les adversaires",
		"l'opposition", "la majorité sortante", "l'équipe sortante", "la municipalité sortante",
		"les autres candidats", "d'autres candidats", "certains candidats", "certains élus",
		"certains politiciens", "ces gens-là", "ces gens là", "les sortants",
	},
}

// frenchGrammar holds closed-class words the rules need.
var frenchGrammar = map[string][]string{
	"negator":    {"ne/=", "n/=", "pas/=", "jamais/=", "aucun|aucune", "sans/=", "ni/=", "zéro/=", "nullement/=", "guère/="},
	"pronoun_pl": {"ils/=", "elles/=", "eux/="},
	"pronoun_sg": {"il/=", "elle/=", "lui/="},
	"pronoun_2":  {"vous/=", "tu/=", "t/=", "te/=", "votre/=", "vos/=", "ton/=", "ta/=", "tes/="},
	"vague_cond": {"certains/=", "certaines/="},
	"follow": {
		"veulent/=", "voudraient/=", "préfèrent/=", "font/=", "pensent/=", "croient/=", "ont/=",
		"sont/=", "parlent/=", "aimeraient/=", "rêvent/=", "oublient/=", "continuent/=", "jouent/=",
		"agitent/=", "crient/=", "proposent/=", "osent/=", "voient/=", "trouvent/=", "se/=", "s/=",
		"y/=", "qui/=", "nous/=", "vous/=", "en/=", "feraient/=", "devraient/=", "refusent/=",
	},
	"own_marker": {
		"nos/=", "notre/=", "habitant/n", "parisien", "famille/n", "enfant/n", "élève/n", "jeune/n",
		"bénévole/n", "militant", "soutien/n", "commerçant", "agriculteur", "soignant", "infirmier",
		"enseignant", "riverain", "voisin", "senior/n", "aîné", "citoyen", "électeur", "salarié",
		"agent/n", "association/n", "colistier", "artisan/n", "étudiant", "parent/n", "retraité",
	},
	"pledge": {
		"je m'engage", "nous nous engageons", "je promets", "nous promettons", "engagement/n",
		"promesse/n", "nous allons", "je vais", "nous ferons", "je ferai", "nous créerons",
		"nous construirons", "nous lancerons", "notre programme", "notre projet", "s'engager à",
	},
	"figure_word": {"euro/n", "million/n", "milliard/n", "pourcent/=", "pour cent", "%/="},
	"suppress": {
		"vrai ou faux", "faux départ", "faux-départ", "faux départs", "faux pas", "faux plafond",
		"faux-semblant", "à tort ou à raison",
	},
}
