package tone

// englishLexicon is the built-in English lexicon, written for relais.
var englishLexicon = map[string][]string{
	"attack": {
		"lie/v|lying|lied|liar|liars", "liar/n", "dishonest/a", "dishonesty", "corrupt/a", "corruption",
		"crook/n", "crooked", "coward/n", "cowardly/=", "cowardice", "incompetent/a", "incompetence",
		"fraud/n", "fraudulent/a", "hypocrite/n", "hypocritical/=", "hypocrisy", "cheat/v", "cheater/n",
		"scam/n", "scammer/n", "con artist", "idiot/n", "stupid/a", "moron/n", "traitor/n",
		"betray/v", "deceive/v", "deceitful/a", "deception", "manipulate/v", "manipulative/=",
		"arrogant/a", "useless/=", "pathetic/a~0.5", "disgrace/n", "disgraceful/a", "shameless/a",
		"spineless/=", "reckless/a", "irresponsible/a", "puppet/n", "phony/=", "phoney/=",
		"fake/=~0.5", "snake oil", "bad faith", "two-faced", "unfit/=", "clueless/=", "mislead/v|misled",
	},
	"positive": {
		"honest/a", "serious/a", "credible/=", "competent/a", "reliable/=", "trustworthy/=",
		"trusted/=", "sincere/a", "capable/=", "qualified/=", "brave/=", "consistent/=",
		"decent/=", "truthful/=", "responsible/=", "worthy/=", "fit for office", "up to the job",
		"the truth", "straight with", "trust/v",
	},
	"negative": {
		"chaos", "chaotic/=", "disaster/n", "disastrous/a", "catastrophe/n", "catastrophic/=",
		"ruin/v", "fail/v", "failure/n", "decline/v", "threat/n", "threaten/v", "danger/n",
		"dangerous/a", "fear/n", "scary/=", "frightening/=", "worse/=", "worst/=", "destroy/v",
		"destruction", "wreck/v", "sacrifice/v", "abandon/v", "lose/v|lost|losing", "loss/n",
		"collapse/v", "mess/n", "waste/v", "bad/=", "terrible/=", "shame/n", "shameful/a", "scandal/n",
		"nightmare/n", "bleak/=", "cut/v|cutting~0.5", "close/v~0.5", "less~0.5", "fewer~0.5",
		"say goodbye to", "kiss goodbye", "goodbye to", "harm/v", "harmful/a", "damage/v", "damaging/=",
		"ravage/v", "gut/v|gutted|gutting", "choke/v", "crippling/=", "fiasco", "failed/=", "broken/=~0.5",
		"decay", "neglect/v", "neglected/=", "mismanagement", "bankrupt/v", "squander/v", "ruinous/=",
	},
	"desintox": {
		"false/=", "wrong/=~0.5", "untrue/=", "not true", "misleading/=", "fact check/v", "fact-check/v",
		"factcheck/v", "fact checking", "fact-checking", "debunk/v", "debunked/=", "set the record straight",
		"the claim that", "myth/n", "fake news", "disinformation", "misinformation", "the truth is",
		"in reality~0.5", "contrary to what", "contrary to claims", "rumor/n~0.5", "rumour/n~0.5",
	},
	"claim": {
		"say/v|said|says", "claim/v", "state/v", "assert/v", "insist/v", "tell/v|told|tells",
		"promise/v", "pretend/v", "allege/v", "suggest/v", "according to", "spread/v",
		"circulate/v", "statement/n", "rumor/n", "rumour/n", "hear/v|heard", "read|reads",
	},
	"ridicule": {
		"lol/=", "lmao/=", "lmfao/=", "rofl/=", "haha/=", "hahaha/=", "😂", "🤣", "🤡", "🙃", "🙄",
		"😆", "🤦", "👏👏", "so-called", "so called", "self-proclaimed", "genius~0.5", "joke/n", "clown/n",
		"circus", "laughable/=", "ridiculous/a", "pathetic/=~0.5", "cute/=~0.5", "bless his heart",
		"bless her heart", "nice try", "good luck with that", "sure, jan",
	},
	"vague": {
		"some people", "certain people", "some politicians", "the other side", "the other team",
		"the other guys", "the other guy", "our opponents", "our opponent", "the opposition",
		"my opponent", "the incumbent", "other candidates", "those people", "these people",
	},
}

// englishGrammar holds closed-class words the rules need.
var englishGrammar = map[string][]string{
	"negator": {
		"not/=", "no/=", "never/=", "neither/=", "nor/=", "without/=", "zero/=", "none/=",
		"don't/=", "doesn't/=", "didn't/=", "isn't/=", "aren't/=", "wasn't/=", "weren't/=",
		"can't/=", "cannot/=", "won't/=", "wouldn't/=", "shouldn't/=", "couldn't/=", "hasn't/=",
		"haven't/=", "hadn't/=", "ain't/=",
	},
	"pronoun_pl": {"they/=", "them/=", "their/="},
	"pronoun_2":  {"you/=", "your/=", "you're/=", "yourself/="},
	"pronoun_sg": {"he/=", "she/=", "him/=", "his/=", "her/="},
	"own_marker": {
		"our/=", "ours/=", "volunteer/n", "supporter/n", "resident/n", "family|families",
		"child|children", "kid/n", "student/n", "nurse/n", "teacher/n", "neighbour/n", "neighbor/n",
		"worker/n", "citizen/n", "voter/n", "parent/n", "running mate/n", "team/n", "staff",
	},
	"pledge": {
		"we will", "i will", "we'll", "i'll", "i promise", "we promise", "i pledge", "we pledge",
		"pledge/n", "promise/n", "commitment/n", "we're going to", "we are going to", "i commit",
		"our plan", "our programme", "our program",
	},
	"figure_word": {"euro/n", "million/n", "billion/n", "percent/=", "per cent", "dollar/n"},
	"suppress":    {"true or false", "false start", "false alarm", "myth or fact", "fact or myth"},
}
